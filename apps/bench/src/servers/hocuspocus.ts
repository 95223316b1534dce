// @hocuspocus/server 3.x with its Database extension storing to PostgreSQL
// (BENCH_PG_URL) or, without one, to an in-memory PGlite of its own.
import type { AddressInfo } from "node:net";
import { PGlite } from "@electric-sql/pglite";
import { Database } from "@hocuspocus/extension-database";
import { Server } from "@hocuspocus/server";
import pg from "pg";
import { PROBES, typedState } from "../docgen.ts";
import { notifyParent, serveParent } from "../ipc.ts";

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
  "create table if not exists hocuspocus_documents (name text primary key, data bytea not null)",
);

const server = new Server({
  address: "127.0.0.1",
  port: 0,
  quiet: true,
  stopOnSignals: false,
  extensions: [
    new Database({
      fetch: async ({ documentName }) => {
        const { rows } = await sql.query("select data from hocuspocus_documents where name = $1", [
          documentName,
        ]);
        const data = rows[0]?.data as Uint8Array | undefined;
        return data ? new Uint8Array(data) : null;
      },
      store: async ({ documentName, state, document }) => {
        // The newest probe this stored state covers (read before the write starts).
        const probe = document.getMap<{ seq: number }>(PROBES).get("durable");
        await sql.query(
          "insert into hocuspocus_documents (name, data) values ($1, $2) on conflict (name) do update set data = excluded.data",
          [documentName, state],
        );
        if (probe) notifyParent("stored", { documentName, seq: probe.seq });
      },
    }),
  ],
});
// Not server.listen(): it passes { address } to http.listen, which ignores it and
// binds every interface. The Server's upgrade handler is already on httpServer.
await new Promise<void>((resolve) => server.httpServer.listen(0, "127.0.0.1", resolve));
const { port, address } = server.httpServer.address() as AddressInfo;
if (address !== "127.0.0.1") throw new Error(`hocuspocus bound ${address}`);

serveParent({
  info: () => ({ port }),
  /** Hocuspocus keeps one merged state per document; this is what it would hold after n keystrokes. */
  seedCold: async ({ documents, n }: { documents: string[]; n: number }) => {
    const state = typedState(n);
    for (const name of documents) {
      await sql.query(
        "insert into hocuspocus_documents (name, data) values ($1, $2) on conflict (name) do update set data = excluded.data",
        [name, state],
      );
    }
    return state.length;
  },
  configure: ({ debounce, maxDebounce }: { debounce: number; maxDebounce: number }) => {
    server.hocuspocus.configuration.debounce = debounce;
    server.hocuspocus.configuration.maxDebounce = maxDebounce;
    return true;
  },
  stop: async () => {
    await server.destroy();
    await sql.close();
    setImmediate(() => process.exit(0));
    return true;
  },
});
process.send?.({ event: "ready", data: { port } });
