import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import WebSocket from "ws";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { PROBES, TEXT } from "./docgen.ts";

/**
 * "plain": the stock y-websocket framing (our server, @y/websocket-server).
 * "hocuspocus": the same y-protocols payloads, each frame prefixed with the
 * document name, and an Auth frame first (Hocuspocus's own framing).
 */
export type Flavor = "plain" | "hocuspocus";

export interface Endpoint {
  name: string;
  flavor: Flavor;
  /** ws:// address for a document (token: our collab token, if any). */
  url(documentName: string, token?: string): string;
  /** Upgrade request headers (our server: the session cookie when no token is used). */
  headers?(token?: string): Record<string, string>;
}

const SYNC = 0;
const AWARENESS = 1;
const AUTH = 2;
const SAVED = 100;
const SUBSCRIBE_EXTENSIONS = 101;

export interface Probe {
  t: number;
  seq: number;
  p: number;
}

/** Where probe arrivals go: latency in ms, per observer and update. */
export const probeSink: {
  phase: number;
  record: ((latencyMs: number, key: string, seq: number) => void) | null;
} = {
  phase: -1,
  record: null,
};

// Arrival times are taken in the socket's 'message' event; decoding and applying
// happen afterwards in one batch, so with 100 observers in this one process the
// 100th arrival is not delayed by the 99 applies before it.
const inbox: { client: BenchClient; t: number; bytes: Uint8Array }[] = [];
let flushScheduled = false;
function enqueue(client: BenchClient, bytes: Uint8Array) {
  inbox.push({ client, t: performance.now(), bytes });
  if (!flushScheduled) {
    flushScheduled = true;
    setImmediate(flush);
  }
}
function flush() {
  flushScheduled = false;
  const batch = inbox.splice(0);
  for (const item of batch) item.client.process(item.bytes, item.t);
}

export interface ClientOptions {
  token?: string;
  awareness?: boolean;
  /** State to hold before connecting (sent to the server in the sync step2). */
  initialState?: Uint8Array;
  acks?: boolean;
}

export class BenchClient {
  readonly doc = new Y.Doc();
  readonly probes: Y.Map<Probe>;
  readonly awareness: awarenessProtocol.Awareness | null;
  ws: WebSocket | null = null;
  syncedAt = 0;
  openedAt = 0;
  closedCode: number | null = null;
  /** SYNC step2 + update frames sent (the unit of our SAVED ack). */
  updateFramesSent = 0;
  awarenessReceived = 0;
  onSaved: ((count: number, at: number) => void) | null = null;
  onProcessed: (() => void) | null = null;
  private recvT = 0;
  private readonly prefix: Uint8Array;
  private syncedResolve: (() => void) | null = null;
  private syncedReject: ((error: Error) => void) | null = null;

  constructor(
    readonly endpoint: Endpoint,
    readonly documentName: string,
    readonly options: ClientOptions = {},
  ) {
    this.probes = this.doc.getMap<Probe>(PROBES);
    if (options.initialState) Y.applyUpdate(this.doc, options.initialState, "initial");
    this.awareness = options.awareness ? new awarenessProtocol.Awareness(this.doc) : null;
    const prefix = encoding.createEncoder();
    if (endpoint.flavor === "hocuspocus") encoding.writeVarString(prefix, documentName);
    this.prefix = encoding.toUint8Array(prefix);
    this.doc.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin === this || origin === "initial") return;
      this.sendSync(syncProtocol.messageYjsUpdate, update);
    });
    this.probes.observe((event) => {
      const record = probeSink.record;
      if (record === null || event.transaction.origin !== this) return;
      for (const key of event.keysChanged) {
        const probe = this.probes.get(key);
        if (probe && probe.p === probeSink.phase) record(this.recvT - probe.t, key, probe.seq);
      }
    });
  }

  get text(): Y.Text {
    return this.doc.getText(TEXT);
  }

  /** Opens the socket; resolves once the server's sync step2 arrived. */
  connect(timeoutMs = 20_000): Promise<void> {
    const synced = new Promise<void>((resolve, reject) => {
      this.syncedResolve = resolve;
      this.syncedReject = reject;
    });
    const timer = setTimeout(
      () =>
        this.syncedReject?.(
          new Error(`${this.endpoint.name}: ${this.documentName} not synced in ${timeoutMs} ms`),
        ),
      timeoutMs,
    );
    this.openedAt = performance.now();
    const ws = new WebSocket(this.endpoint.url(this.documentName, this.options.token), {
      headers: this.endpoint.headers?.(this.options.token) ?? {},
      perMessageDeflate: false,
    });
    ws.binaryType = "nodebuffer";
    this.ws = ws;
    ws.on("open", () => {
      if (this.endpoint.flavor === "hocuspocus") {
        const auth = this.encoder(AUTH);
        encoding.writeVarUint(auth, 0); // AuthMessageType.Token
        encoding.writeVarString(auth, this.options.token ?? "bench");
        this.send(encoding.toUint8Array(auth));
      }
      if (this.options.acks) {
        this.send(Uint8Array.of(SUBSCRIBE_EXTENSIONS, 1));
      }
      const step1 = this.encoder(SYNC);
      syncProtocol.writeSyncStep1(step1, this.doc);
      this.send(encoding.toUint8Array(step1));
    });
    ws.on("message", (data: Buffer) => enqueue(this, data));
    ws.on("close", (code) => {
      this.closedCode = code;
      this.syncedReject?.(new Error(`${this.endpoint.name}: closed ${code} before sync`));
    });
    ws.on("error", (error) => this.syncedReject?.(error));
    return synced.finally(() => {
      clearTimeout(timer);
      this.syncedResolve = null;
      this.syncedReject = null;
    });
  }

  process(bytes: Uint8Array, t: number): void {
    this.recvT = t;
    const decoder = decoding.createDecoder(bytes);
    if (this.endpoint.flavor === "hocuspocus") decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    if (type === SYNC || (type === 4 && this.endpoint.flavor === "hocuspocus")) {
      const reply = this.encoder(SYNC);
      const empty = encoding.length(reply);
      const subType = syncProtocol.readSyncMessage(decoder, reply, this.doc, this);
      if (encoding.length(reply) > empty) {
        this.updateFramesSent += 1; // a step2 answer
        this.send(encoding.toUint8Array(reply));
      }
      if (subType === syncProtocol.messageYjsSyncStep2 && this.syncedAt === 0) {
        this.syncedAt = performance.now();
        this.syncedResolve?.();
      }
    } else if (type === AWARENESS) {
      this.awarenessReceived += 1;
      if (this.awareness) {
        awarenessProtocol.applyAwarenessUpdate(
          this.awareness,
          decoding.readVarUint8Array(decoder),
          this,
        );
      }
    } else if (type === SAVED && this.endpoint.flavor === "plain") {
      this.onSaved?.(decoding.readVarUint(decoder), t);
    }
    this.onProcessed?.();
  }

  /** Writes one probe (send time, sequence number) under this writer's key. */
  writeProbe(key: string, seq: number, phase: number): number {
    this.doc.transact(() => {
      this.probes.set(key, { t: performance.now(), seq, p: phase });
    });
    return this.updateFramesSent;
  }

  /** Sends the local awareness state with a moved cursor. */
  sendPresence(position: number): void {
    if (!this.awareness) return;
    this.awareness.setLocalStateField("cursor", { anchor: position, head: position });
    const frame = this.encoder(AWARENESS);
    encoding.writeVarUint8Array(
      frame,
      awarenessProtocol.encodeAwarenessUpdate(this.awareness, [this.doc.clientID]),
    );
    this.send(encoding.toUint8Array(frame));
  }

  close(): void {
    this.syncedReject = null;
    this.ws?.removeAllListeners("close");
    this.ws?.on("error", () => {});
    this.ws?.close();
    this.awareness?.destroy();
    this.doc.destroy();
  }

  private encoder(type: number): encoding.Encoder {
    const encoder = encoding.createEncoder();
    encoding.writeUint8Array(encoder, this.prefix);
    encoding.writeVarUint(encoder, type);
    return encoder;
  }

  private sendSync(subType: number, payload: Uint8Array): void {
    const frame = this.encoder(SYNC);
    encoding.writeVarUint(frame, subType);
    encoding.writeVarUint8Array(frame, payload);
    this.updateFramesSent += 1;
    this.send(encoding.toUint8Array(frame));
  }

  private send(bytes: Uint8Array): void {
    if (this.ws?.readyState === WebSocket.OPEN) this.ws.send(bytes);
  }
}
