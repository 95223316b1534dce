import { CloseCode, closeReason } from "@runder-tisch/collab-protocol";
import type { RawData, ServerOptions, WebSocket } from "ws";
import type { CollabServer } from "./collab-server.ts";
import type { CollabAuthContext } from "./types.ts";

/**
 * Options for the `ws` WebSocketServer (or @fastify/websocket's `options`).
 * `maxPayload` makes ws reject an oversized frame from its header, before the
 * payload is buffered; `bindWebSocket` turns ws's 1009 into MESSAGE_TOO_LARGE.
 */
export function collabWebSocketServerOptions(
  collab: CollabServer,
): Pick<ServerOptions, "maxPayload" | "perMessageDeflate"> {
  // Compression is off: Yjs updates are small and already compact, and
  // inflating is where a size limit is easiest to get wrong.
  return { maxPayload: collab.limits.maxMessageBytes, perMessageDeflate: false };
}

export interface BindOptions {
  documentName: string;
  context: CollabAuthContext;
  /** Ping interval; a socket that misses one pong is terminated. Default 30 s. */
  heartbeatMs?: number;
  /** Unsent bytes queued for a socket before it is closed as SLOW_CONSUMER. Default 16 MiB. */
  maxBufferedBytes?: number;
}

const WS_MESSAGE_TOO_BIG = 1009;

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return data;
}

/** Connects one `ws` socket (also the socket @fastify/websocket hands out) to the core. */
export function bindWebSocket(collab: CollabServer, socket: WebSocket, options: BindOptions): void {
  // When ws rejects an oversized frame it calls socket.close(1009) itself, before
  // we hear about it. Intercepting that one call is the only way to send our
  // 4xxx code, which tells the stock client not to reconnect and resend the
  // same frame forever.
  const originalClose = socket.close.bind(socket);
  socket.close = (code?: number, reason?: string | Buffer) => {
    if (code === WS_MESSAGE_TOO_BIG) {
      if (socket.readyState === socket.OPEN) collab.noteSocketClosed(CloseCode.MESSAGE_TOO_LARGE);
      originalClose(CloseCode.MESSAGE_TOO_LARGE, closeReason[CloseCode.MESSAGE_TOO_LARGE]);
    } else {
      originalClose(code, reason);
    }
  };
  // Closes decided here rather than by the core, which counts its own.
  const closeHere = (code: CloseCode) => {
    if (socket.readyState === socket.OPEN) collab.noteSocketClosed(code);
    socket.close(code, closeReason[code]);
  };

  const maxBufferedBytes = options.maxBufferedBytes ?? 16 * 1024 * 1024;
  const handle = collab.openConnection({
    documentName: options.documentName,
    context: options.context,
    transport: {
      send: (bytes) => {
        if (socket.readyState !== socket.OPEN) return;
        // A client that stops reading would otherwise make the server buffer
        // every update of a busy conference; it can resync after reconnecting.
        if (socket.bufferedAmount > maxBufferedBytes) {
          closeHere(CloseCode.SLOW_CONSUMER);
          return;
        }
        socket.send(bytes);
      },
      close: (code, reason) => socket.close(code, reason),
    },
  });

  let alive = true;
  const heartbeat = setInterval(() => {
    if (!alive) {
      socket.terminate();
      return;
    }
    alive = false;
    socket.ping();
  }, options.heartbeatMs ?? 30_000);
  heartbeat.unref();

  socket.on("pong", () => {
    alive = true;
  });
  socket.on("message", (data, isBinary) => {
    alive = true;
    if (!isBinary) {
      // The protocol is binary only; a text frame is a confused or hostile client.
      closeHere(CloseCode.MALFORMED_MESSAGE);
      return;
    }
    handle.receive(toBytes(data));
  });
  socket.on("error", () => {
    // ws already closes the socket (e.g. 1009 -> MESSAGE_TOO_LARGE above); the
    // listener only keeps the error from becoming an uncaught exception.
  });
  socket.on("close", () => {
    clearInterval(heartbeat);
    handle.closed();
  });
}
