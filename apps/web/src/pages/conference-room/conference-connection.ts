import {
  CloseCode,
  type CollabRole,
  Extension,
  encodeSubscribeExtensions,
  isDocumentUpdateFrame,
  MessageType,
  readRolePayload,
  readSavedPayload,
} from "@runder-tisch/collab-protocol";
import { IndexeddbPersistence } from "y-indexeddb";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";

export type SaveState = "connecting" | "saved" | "unsaved" | "offline";

export interface ConnectionSnapshot {
  save: SaveState;
  /** Null until the server said which role this connection has. */
  role: CollabRole | null;
  /** Set once the server closed the socket for good (44xx); the room is then over. */
  closedCode: number | null;
  /** The first sync with the server is done, so the document is complete. */
  synced: boolean;
  /** The local copy from this device has been loaded. */
  localLoaded: boolean;
}

/**
 * Which live document a connection opens. A conference is a room directly under
 * /api/collab; a working group's meeting lives under its own path and stores its offline
 * copy under its own name, so the two kinds of documents never mix on a device.
 */
export interface LiveDocumentAddress {
  /** The socket's base path; the room name is appended to it. */
  socketPath: string;
  /** Prefix of the IndexedDB database holding the offline copy. */
  storagePrefix: string;
}

export const CONFERENCE_DOCUMENT: LiveDocumentAddress = {
  socketPath: "/api/collab",
  storagePrefix: "rt-conference",
};

function collabServerUrl(socketPath: string): string {
  const scheme = window.location.protocol === "https:" ? "wss" : "ws";
  return `${scheme}://${window.location.host}${socketPath}`;
}

/**
 * One live document (a conference's, or a working-group meeting's): the websocket to the server, an offline copy in IndexedDB
 * and the bookkeeping for the save indicator. "Saved" means the server confirmed as
 * durable every update frame this connection sent, and nothing was edited while the
 * socket was down that the server has not confirmed since.
 */
export class ConferenceConnection {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  private readonly local: IndexeddbPersistence;
  private sent = 0;
  private saved = 0;
  /** Local edits made while no socket was open; cleared by the first full ack after reconnecting. */
  private editedOffline = false;
  private snapshot: ConnectionSnapshot = {
    save: "connecting",
    role: null,
    closedCode: null,
    synced: false,
    localLoaded: false,
  };
  private readonly listeners = new Set<() => void>();

  constructor(room: string, userId: string, address: LiveDocumentAddress = CONFERENCE_DOCUMENT) {
    // Per user, so a shared computer never shows one person's copy to the next.
    this.local = new IndexeddbPersistence(`${address.storagePrefix}:${userId}:${room}`, this.doc);
    this.local.on("synced", () => this.update({ localLoaded: true }));
    this.provider = new WebsocketProvider(collabServerUrl(address.socketPath), room, this.doc, {
      // Tabs of the same browser must not sync behind the server's back: acks would not add up.
      disableBc: true,
    });
    this.provider.messageHandlers[MessageType.SAVED] = (_encoder, decoder) => {
      this.saved = Math.max(this.saved, readSavedPayload(decoder));
      this.recompute();
    };
    this.provider.messageHandlers[MessageType.ROLE] = (_encoder, decoder) => {
      const role = readRolePayload(decoder);
      if (role) this.update({ role });
    };
    this.provider.on("status", ({ status }) => {
      if (status === "connected") this.instrumentSocket();
      // Frames the old socket sent but the server never confirmed must count as unsaved.
      if (status === "disconnected" && this.saved < this.sent) this.editedOffline = true;
      this.recompute();
    });
    this.provider.on("sync", () => this.recompute());
    this.provider.on("closed", ({ code }) => {
      this.update({ closedCode: code });
      // Data of a case the agency may no longer see must not stay on the device.
      if (code === CloseCode.ACCESS_REVOKED || code === CloseCode.FORBIDDEN) void this.forget();
    });
    window.addEventListener("offline", this.goneOffline);
    window.addEventListener("online", this.backOnline);
    this.doc.on("update", (_update: Uint8Array, origin: unknown) => {
      // Remote updates come with the provider as origin, the offline copy with itself.
      if (origin === this.provider || origin === this.local) return;
      if (!this.provider.wsconnected) this.editedOffline = true;
      this.recompute();
    });
  }

  // A socket can stay half-open for minutes after the network is gone; the browser knows sooner.
  private readonly goneOffline = () => this.provider.disconnect();
  private readonly backOnline = () => {
    if (this.snapshot.closedCode === null) this.provider.connect();
  };

  /** Counts our update frames and asks for SAVED and ROLE on every new socket. */
  private instrumentSocket(): void {
    const socket = this.provider.ws;
    if (!socket) return;
    this.sent = 0;
    this.saved = 0;
    const send = socket.send.bind(socket);
    socket.send = (data: string | ArrayBufferLike | Blob | ArrayBufferView) => {
      if (data instanceof Uint8Array && isDocumentUpdateFrame(data)) this.sent += 1;
      send(data);
    };
    socket.send(encodeSubscribeExtensions(Extension.ACKS | Extension.ROLE));
  }

  private recompute(): void {
    const connected = this.provider.wsconnected;
    const synced = connected && this.provider.synced;
    // After a reconnect our sync step2 carries the offline edits; its ack clears the flag.
    if (synced && this.saved >= this.sent && (!this.editedOffline || this.sent > 0)) {
      this.editedOffline = false;
    }
    let save: SaveState;
    if (!connected) save = this.snapshot.synced || this.editedOffline ? "offline" : "connecting";
    else if (!synced) save = this.editedOffline ? "unsaved" : "connecting";
    else save = this.saved >= this.sent && !this.editedOffline ? "saved" : "unsaved";
    this.update({ save, synced: this.snapshot.synced || synced });
  }

  /** True while something typed here is not yet confirmed by the server. */
  hasUnsavedChanges(): boolean {
    return this.editedOffline || this.saved < this.sent;
  }

  private update(patch: Partial<ConnectionSnapshot>): void {
    const next = { ...this.snapshot, ...patch };
    const changed = (Object.keys(patch) as (keyof ConnectionSnapshot)[]).some(
      (key) => next[key] !== this.snapshot[key],
    );
    if (!changed) return;
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): ConnectionSnapshot => this.snapshot;

  /** Removes the offline copy of this document from the device. */
  async forget(): Promise<void> {
    this.provider.disconnect();
    await this.local.clearData();
  }

  destroy(): void {
    window.removeEventListener("offline", this.goneOffline);
    window.removeEventListener("online", this.backOnline);
    this.provider.destroy();
    void this.local.destroy();
    this.doc.destroy();
    this.listeners.clear();
  }
}
