// @y/websocket-server: its setupWSConnection on a plain ws server, in memory.
// For the cold-load test only, a y-leveldb-style update log in PostgreSQL/PGlite
// is plugged in through its setPersistence hook.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { PGlite } from "@electric-sql/pglite";
import { setPersistence, setupWSConnection } from "@y/websocket-server/utils";
import pg from "pg";
import { WebSocketServer } from "ws";
import * as Y from "yjs";
import { typingUpdates } from "../docgen.ts";
import { serveParent } from "../ipc.ts";

interface Sql {
  query(text: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  close(): Promise<void>;
}

async function openSql(): Promise<Sql> {
  const url = process.env.BENCH_PG_URL;
  if (url) {
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    return { query: (text, params) => pool.query(text, params), close: () => pool.end() };
  }
  const lite = new PGlite();
  await lite.waitReady;
  return {
    query: (text, params) =>
      lite.query(text, params) as Promise<{ rows: Record<string, unknown>[] }>,
    close: () => lite.close(),
  };
}

const sql = await openSql();
await sql.query(
  "create table if not exists ywss_updates (name text not null, seq int not null, data bytea not null, primary key (name, seq))",
);

const http = createServer((_request, response) => {
  response.writeHead(200);
  response.end("ok");
});
const wss = new WebSocketServer({ noServer: true });
wss.on("connection", (socket, request) => setupWSConnection(socket, request));
http.on("upgrade", (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => wss.emit("connection", ws, request));
});
await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
const { port } = http.address() as AddressInfo;

const loadMs = new Map<string, number>();

serveParent({
  info: () => ({ port }),
  seedCold: async ({ documents, n }: { documents: string[]; n: number }) => {
    const updates = typingUpdates(n);
    for (const name of documents) {
      for (let i = 0; i < updates.length; i += 1000) {
        const chunk = updates.slice(i, i + 1000);
        const values = chunk.map((_, k) => `($1, ${i + k}, $${k + 2})`).join(",");
        await sql.query(`insert into ywss_updates (name, seq, data) values ${values}`, [
          name,
          ...chunk,
        ]);
      }
    }
    return updates.length;
  },
  /** Turns the update-log persistence on (cold-load phase) or off (everything else: in memory). */
  persistence: ({ on }: { on: boolean }) => {
    setPersistence(
      on
        ? {
            provider: null,
            bindState: async (name: string, doc: Y.Doc) => {
              const started = performance.now();
              const { rows } = await sql.query(
                "select data from ywss_updates where name = $1 order by seq",
                [name],
              );
              loadMs.set(name, performance.now() - started);
              Y.transact(doc, () => {
                for (const row of rows) Y.applyUpdate(doc, row.data as Uint8Array);
              });
            },
            writeState: async () => {},
          }
        : null,
    );
    return true;
  },
  loadMs: ({ document }: { document: string }) => loadMs.get(document) ?? null,
  stop: async () => {
    for (const client of wss.clients) client.terminate();
    await new Promise<void>((resolve) => http.close(() => resolve()));
    await sql.close();
    setImmediate(() => process.exit(0));
    return true;
  },
});
process.send?.({ event: "ready", data: { port } });
