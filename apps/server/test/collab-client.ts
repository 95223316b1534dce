import type { AddressInfo } from "node:net";
import { WebSocket } from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import type { App } from "../src/app.ts";

/** Starts the app on a loopback port for socket tests; returns its ws:// base. */
export async function listenOnLoopback(app: App): Promise<string> {
  await app.listen({ host: "127.0.0.1", port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return `ws://127.0.0.1:${port}/api/collab`;
}

export interface DocumentClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  closes: number[];
  notes(): string;
  destroy(): void;
}

/**
 * A stock y-websocket provider, as a browser tab would open it: the session
 * cookie rides along on the upgrade request.
 */
export function openDocument(
  base: string,
  conferenceId: string,
  auth: { cookie?: string; token?: string },
): DocumentClient {
  const closes: number[] = [];
  const headers = auth.cookie ? { cookie: auth.cookie } : {};
  class CookieWebSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers });
      this.on("close", (code) => closes.push(code));
    }
  }
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(base, conferenceId, doc, {
    WebSocketPolyfill: CookieWebSocket as unknown as typeof globalThis.WebSocket,
    params: auth.token ? { token: auth.token } : {},
    disableBc: true,
    maxBackoffTime: 200,
  });
  return {
    doc,
    provider,
    closes,
    notes: () => doc.getText("probe").toString(),
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}
