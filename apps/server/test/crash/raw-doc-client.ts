import {
  Extension,
  encodeSubscribeExtensions,
  encodeSyncFrame,
  MessageType,
  SyncMessageType,
} from "@runder-tisch/collab-protocol";
import * as decoding from "lib0/decoding";
import { WebSocket } from "ws";
import * as Y from "yjs";

/** Origin of changes that came from the server, so they are not sent back. */
const REMOTE = Symbol("remote");

/** Every marker is one whole string insert, so concurrent inserts never split one. */
export const MARKER_PATTERN = /‹[^‹›]+›/g;

export function markersIn(text: string): string[] {
  return text.match(MARKER_PATTERN) ?? [];
}

/**
 * A collaboration client speaking the wire protocol itself, so the test knows
 * exactly which frame carried which edit and which frames SAVED covers (a
 * stock provider hides both). It keeps its Y.Doc across connections, like a
 * browser tab that outlives a server restart.
 */
export class RawDocClient {
  readonly doc = new Y.Doc();
  /** Markers the server declared durable (SAVED), over all connections. */
  readonly acked = new Set<string>();
  /** Markers this client put on the wire, over all connections. */
  readonly sentMarkers = new Set<string>();
  socket: WebSocket | null = null;
  synced = false;
  closeCode: number | null = null;
  /** Protocol surprises (e.g. a SAVED count that went backwards); the test asserts none. */
  readonly violations: string[] = [];
  /** Per connection: the markers document-update frame i+1 makes durable once acked. */
  private frames: string[][] = [];
  private saved = 0;
  private nextMarkers: string[] = [];
  private closed: Promise<void> = Promise.resolve();

  constructor(readonly name: string) {
    this.doc.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin === REMOTE) return;
      const markers = this.nextMarkers;
      this.nextMarkers = [];
      // While disconnected the edit stays in the doc only; the next step2 carries it.
      if (this.sendUpdateFrame(encodeSyncFrame(SyncMessageType.UPDATE, update), markers)) {
        for (const marker of markers) this.sentMarkers.add(marker);
      }
    });
  }

  get text(): Y.Text {
    return this.doc.getText("crashProbe");
  }

  /** Frames of the current connection the server declared durable / that were sent. */
  get savedCount(): number {
    return this.saved;
  }

  get sentCount(): number {
    return this.frames.length;
  }

  get isOpen(): boolean {
    return this.socket?.readyState === WebSocket.OPEN;
  }

  /** Opens a socket with the session cookie, opts in to SAVED acks and asks for the state. */
  async connect(wsBase: string, documentName: string, cookie: string): Promise<void> {
    this.frames = [];
    this.saved = 0;
    this.synced = false;
    this.closeCode = null;
    const socket = new WebSocket(`${wsBase}/${encodeURIComponent(documentName)}`, {
      headers: { cookie },
      perMessageDeflate: false,
    });
    this.socket = socket;
    socket.binaryType = "nodebuffer";
    socket.on("error", () => {
      // A killed server resets the connection; "close" reports it.
    });
    socket.on("message", (data: Buffer, isBinary: boolean) => {
      if (isBinary) this.receive(new Uint8Array(data));
    });
    this.closed = new Promise((resolve) =>
      socket.once("close", (code) => {
        this.closeCode = code;
        resolve();
      }),
    );
    await new Promise<void>((resolve, reject) => {
      socket.once("open", () => resolve());
      socket.once("close", (code) => reject(new Error(`${this.name}: closed (${code}) on open`)));
    });
    socket.send(encodeSubscribeExtensions(Extension.ACKS));
    socket.send(encodeSyncFrame(SyncMessageType.STEP1, Y.encodeStateVector(this.doc)));
  }

  /** Inserts one marker at a marker boundary chosen by `pick` (0 = start). */
  insertMarker(marker: string, pick: (boundaries: number) => number): void {
    const current = this.text.toString();
    const boundaries = [0];
    for (let i = current.indexOf("›"); i !== -1; i = current.indexOf("›", i + 1))
      boundaries.push(i + 1);
    const position = boundaries[pick(boundaries.length)] ?? 0;
    this.nextMarkers = [marker];
    this.text.insert(position, marker);
  }

  /** Resolves once the socket is closed (by either side, or a dead server). */
  whenClosed(): Promise<void> {
    return this.closed;
  }

  close(): Promise<void> {
    this.socket?.close();
    return this.closed;
  }

  terminate(): void {
    this.socket?.terminate();
  }

  destroy(): void {
    this.terminate();
    this.doc.destroy();
  }

  private sendUpdateFrame(frame: Uint8Array, markers: string[]): boolean {
    const socket = this.socket;
    if (socket === null || socket.readyState !== WebSocket.OPEN) return false;
    this.frames.push(markers);
    socket.send(frame);
    return true;
  }

  private receive(bytes: Uint8Array): void {
    const decoder = decoding.createDecoder(bytes);
    const type = decoding.readVarUint(decoder);
    if (type === MessageType.SAVED) {
      const count = decoding.readVarUint(decoder);
      if (count < this.saved || count > this.frames.length) {
        this.violations.push(`SAVED ${count} after ${this.saved} with ${this.frames.length} sent`);
        return;
      }
      for (let i = this.saved; i < count; i++) {
        for (const marker of this.frames[i] ?? []) this.acked.add(marker);
      }
      this.saved = count;
      return;
    }
    if (type !== MessageType.SYNC) return; // awareness and ROLE do not matter here
    const subType = decoding.readVarUint(decoder);
    const payload = decoding.readVarUint8Array(decoder);
    if (subType === SyncMessageType.STEP1) {
      // What the server lacks; counts as a document-update frame like any step2.
      // Once it is acked, everything this doc holds is durable, so every marker
      // in it counts as acked (after a restart this re-sends lost edits).
      this.sendUpdateFrame(
        encodeSyncFrame(SyncMessageType.STEP2, Y.encodeStateAsUpdate(this.doc, payload)),
        markersIn(this.text.toString()),
      );
      return;
    }
    Y.applyUpdate(this.doc, payload, REMOTE);
    if (subType === SyncMessageType.STEP2) this.synced = true;
  }
}
