import type { AddressInfo } from "node:net";
import {
  CloseCode,
  Extension,
  encodeSubscribeExtensions,
  isDocumentUpdateFrame,
  MessageType,
} from "@runder-tisch/collab-protocol";
import * as decoding from "lib0/decoding";
import { afterEach } from "vitest";
import { WebSocket, WebSocketServer } from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import type { CollabBus } from "../src/collab/bus.ts";
import { CollabServer } from "../src/collab/collab-server.ts";
import {
  CollabDeniedError,
  type CollabHooks,
  type CollabIdentity,
  type CollabServerOptions,
  type PendingUpdate,
} from "../src/collab/types.ts";
import { bindWebSocket, collabWebSocketServerOptions } from "../src/collab/ws-adapter.ts";
import { waitUntil } from "./wait.ts";

/** The collaboration core alone: an in-memory store you can slow down or break, and real sockets. */

export class MemoryStore {
  readonly updates = new Map<string, Uint8Array[]>();
  readonly persistCalls: PendingUpdate[][] = [];
  loadCalls = 0;
  /** Rejects this many persist calls before succeeding again. */
  failNext = 0;
  /** Rejects a persist call at random with this probability (0 to 1), on top of failNext. */
  failRate = 0;
  random: () => number = Math.random;
  private gate: Promise<void> | null = null;
  private openGate: (() => void) | null = null;
  private loadGate: Promise<void> | null = null;

  /** Holds every persist call until the returned function is called. */
  holdWrites(): () => void {
    this.gate = new Promise((resolve) => {
      this.openGate = resolve;
    });
    return () => {
      this.gate = null;
      this.openGate?.();
    };
  }

  holdLoads(): () => void {
    let release = (): void => {};
    this.loadGate = new Promise((resolve) => {
      release = resolve;
    });
    return () => {
      this.loadGate = null;
      release();
    };
  }

  stateOf(documentName: string): Y.Doc {
    const doc = new Y.Doc();
    for (const update of this.updates.get(documentName) ?? []) Y.applyUpdate(doc, update);
    return doc;
  }

  readonly loadDocument: CollabHooks["loadDocument"] = async (documentName) => {
    this.loadCalls += 1;
    if (this.loadGate !== null) await this.loadGate;
    return { snapshot: null, updates: [...(this.updates.get(documentName) ?? [])] };
  };

  readonly persistUpdates: CollabHooks["persistUpdates"] = async (batch) => {
    if (this.gate !== null) await this.gate;
    if (this.failNext > 0 || (this.failRate > 0 && this.random() < this.failRate)) {
      this.failNext = Math.max(0, this.failNext - 1);
      throw new Error("database unavailable");
    }
    this.persistCalls.push(batch);
    for (const entry of batch) {
      const list = this.updates.get(entry.documentName) ?? [];
      list.push(entry.update);
      this.updates.set(entry.documentName, list);
    }
  };
}

export function identity(
  userId: string,
  role: CollabIdentity["role"] = "editor",
  agencyId = "agency-1",
): CollabIdentity {
  return { userId, userName: `User ${userId}`, agencyId, agencyName: `Agency ${agencyId}`, role };
}

export interface TestServer {
  url: string;
  collab: CollabServer;
  store: MemoryStore;
  /** token -> identity; unknown tokens are UNAUTHORISED, "forbidden" is FORBIDDEN. */
  tokens: Map<string, CollabIdentity>;
  close(): Promise<void>;
}

export async function startTestServer(
  options: Partial<Omit<CollabServerOptions, "hooks">> & {
    hooks?: Partial<CollabHooks>;
    bus?: CollabBus;
    /** Share one store between instances, like two servers on one database. */
    store?: MemoryStore;
  } = {},
): Promise<TestServer> {
  const { store = new MemoryStore(), ...serverOptions } = options;
  const tokens = new Map<string, CollabIdentity>();
  const collab = new CollabServer({
    idleUnloadMs: 1000,
    retryBaseMs: 20,
    retryMaxMs: 100,
    logger: { warn: () => {}, error: () => {} },
    ...serverOptions,
    hooks: {
      authenticate: async ({ context }) => {
        if (context.token === "forbidden")
          throw new CollabDeniedError(CloseCode.FORBIDDEN, "not invited");
        const found = context.token === undefined ? undefined : tokens.get(context.token);
        if (found === undefined) throw new CollabDeniedError(CloseCode.UNAUTHORISED, "no session");
        return found;
      },
      loadDocument: store.loadDocument,
      persistUpdates: store.persistUpdates,
      ...options.hooks,
    },
  });
  const wss = new WebSocketServer({
    host: "127.0.0.1",
    port: 0,
    ...collabWebSocketServerOptions(collab),
  });
  await new Promise<void>((resolve) => wss.once("listening", () => resolve()));
  wss.on("connection", (socket, request) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    const documentName = decodeURIComponent(url.pathname.split("/").pop() ?? "");
    bindWebSocket(collab, socket, {
      documentName,
      context: { token: url.searchParams.get("token") ?? undefined },
    });
  });
  const { port } = wss.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}/collab`,
    collab,
    store,
    tokens,
    close: async () => {
      await collab.destroy({ timeoutMs: 1000 });
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  closes: Array<{ code: number; reason: string }>;
  destroy(): void;
}

/** How the stock client behaves where a test needs it to; its defaults otherwise. */
export interface ClientOptions {
  /** Longest wait between reconnect attempts (the stock client backs off up to 2.5 s). */
  maxBackoffTime?: number;
}

export function connectClient(
  server: TestServer,
  documentName: string,
  token: string,
  options: ClientOptions = {},
): TestClient {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(server.url, documentName, doc, {
    ...options,
    // Node has a global BroadcastChannel: without this, clients in one test
    // process would sync with each other and hide server bugs.
    disableBc: true,
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
  });
  const closes: TestClient["closes"] = [];
  provider.on("connection-close", (event) => {
    if (event !== null) closes.push({ code: event.code, reason: event.reason });
  });
  return {
    doc,
    provider,
    closes,
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

export function waitSynced(client: TestClient): Promise<void> {
  return waitUntil(() => client.provider.synced, "client synced");
}

/**
 * What the web app does to show "saved": opt in to SAVED acks, count the update
 * frames it sends, and compare. Must be called before the provider connects.
 */
export function trackAcks(client: Pick<TestClient, "provider">): {
  sent: () => number;
  saved: () => number;
  unexpected: () => number;
} {
  let sent = 0;
  let saved = 0;
  let unexpected = 0;
  client.provider.messageHandlers[MessageType.SAVED] = (_encoder, decoder) => {
    const value = decoding.readVarUint(decoder);
    if (value < saved) unexpected += 1;
    saved = value;
  };
  client.provider.messageHandlers[MessageType.ROLE] = (_encoder, decoder) => {
    decoding.readVarUint(decoder);
  };
  client.provider.on("status", ({ status }) => {
    const ws = client.provider.ws;
    if (status !== "connected" || ws === null) return;
    const send = ws.send.bind(ws);
    ws.send = (data: Parameters<typeof ws.send>[0]) => {
      if (data instanceof Uint8Array && isDocumentUpdateFrame(data)) sent += 1;
      send(data);
    };
    ws.send(encodeSubscribeExtensions(Extension.ACKS));
  });
  return { sent: () => sent, saved: () => saved, unexpected: () => unexpected };
}

/** A bare socket for protocol-level tests. */
export interface RawClient {
  socket: WebSocket;
  messages: Uint8Array[];
  closed: Promise<{ code: number; reason: string }>;
}

export async function openRaw(
  server: TestServer,
  documentName: string,
  token: string,
): Promise<RawClient> {
  const socket = new WebSocket(`${server.url}/${encodeURIComponent(documentName)}?token=${token}`);
  const messages: Uint8Array[] = [];
  socket.on("message", (data: Buffer) => messages.push(new Uint8Array(data)));
  socket.on("error", () => {});
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on("close", (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  await new Promise<void>((resolve, reject) => {
    socket.once("open", () => resolve());
    socket.once("close", () => reject(new Error("closed before open")));
  });
  return { socket, messages, closed };
}

/**
 * One server per test and the clients it connects, torn down after each test,
 * so test files declare their setup in one line.
 */
export function useCollabTestScope() {
  let current: TestServer | undefined;
  const clients: TestClient[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await current?.close();
    current = undefined;
  });
  return {
    async start(...args: Parameters<typeof startTestServer>): Promise<TestServer> {
      current = await startTestServer(...args);
      return current;
    },
    client(documentName: string, token: string, options?: ClientOptions): TestClient {
      if (!current) throw new Error("start the test server first");
      const created = connectClient(current, documentName, token, options);
      clients.push(created);
      return created;
    },
  };
}
