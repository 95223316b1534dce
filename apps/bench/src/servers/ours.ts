// Our server: the real Fastify app (buildApp) with PostgreSQL (BENCH_PG_URL) or PGlite.
import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { createDatabase } from "@runder-tisch/db";
import * as factories from "@runder-tisch/db/factories";
import { buildApp } from "@runder-tisch/server/src/app.ts";
import { parseEnv } from "@runder-tisch/server/src/env.ts";
import { IdentityCipher } from "@runder-tisch/server/src/lib/identity-crypto.ts";
import { hashPassword } from "@runder-tisch/server/src/lib/passwords.ts";
import * as Y from "yjs";
import { typingUpdates } from "../docgen.ts";
import { serveParent } from "../ipc.ts";

const PASSWORD = "bench-password-1234";
const pgUrl = process.env.BENCH_PG_URL;
const database = pgUrl
  ? await createDatabase({ kind: "postgres", url: pgUrl })
  : await createDatabase({ kind: "pglite" });
await database.migrate();
const env = parseEnv({
  NODE_ENV: "production",
  LOG_LEVEL: "silent",
  SEED_DEMO: "false",
  DATABASE_URL: pgUrl,
  LOGIN_ATTEMPTS_PER_IP_PER_MINUTE: "10000",
});
const app = await buildApp({ env, database, identityCipher: new IdentityCipher(randomBytes(32)) });
await app.listen({ host: "127.0.0.1", port: 0 });
const { port } = app.server.address() as AddressInfo;

// Time spent in the store's load (database read) per document, for the cold-load breakdown.
const loadMs = new Map<string, number>();
const store = app.documentStore;
const originalLoad = store.load.bind(store);
store.load = async (documentId: string) => {
  const started = performance.now();
  const result = await originalLoad(documentId);
  loadMs.set(documentId, performance.now() - started);
  return result;
};

// Diagnostics only (never in the recorded table): BENCH_OURS_VARIANT=lean swaps in
// the persistence proposed in the report, to measure its effect on the same workload:
// one INSERT ... SELECT statement per batch instead of a drizzle transaction with an
// advisory lock, max(seq) and insert, and an in-memory tail count instead of a
// count(*) query after every batch. no-persist stubs the write out entirely.
const variant = process.env.BENCH_OURS_VARIANT ?? "";
if (variant === "no-persist") {
  store.append = async () => [];
  store.needsCompaction = async () => false;
}
if (variant === "lean" && database.kind === "postgres") {
  const client = (database.db as unknown as { $client: import("pg").Pool }).$client;
  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const tail = new Map<string, number>();
  const APPEND = `
    with rows as (
      select u.document_id, u.data, u.user_id, u.agency_id, u.at, u.ord
      from unnest($1::text[], $2::bytea[], $3::uuid[], $4::uuid[], $5::timestamptz[])
        with ordinality as u(document_id, data, user_id, agency_id, at, ord)
    ), base as (
      select d.document_id, coalesce(max(x.seq), 0) as last
      from (select distinct document_id from rows) d
      left join document_updates x on x.document_id = d.document_id
      group by d.document_id
    ), ins as (
      insert into document_updates (document_id, seq, data, size, user_id, agency_id, at)
      select r.document_id, b.last + row_number() over (partition by r.document_id order by r.ord),
             r.data, octet_length(r.data), r.user_id, r.agency_id, r.at
      from rows r join base b using (document_id)
      returning document_id, seq
    )
    select document_id, min(seq)::bigint as from_seq, max(seq)::bigint as to_seq from ins group by document_id`;
  store.append = async (batch) => {
    if (batch.length === 0) return [];
    const params = [
      batch.map((u) => u.documentName),
      batch.map((u) => Buffer.from(u.update.buffer, u.update.byteOffset, u.update.byteLength)),
      batch.map((u) => (UUID.test(u.userId) ? u.userId : null)),
      batch.map((u) => u.agencyId),
      batch.map((u) => u.at),
    ];
    // Two nodes appending to one document at once: the loser hits the primary key and retries.
    for (let attempt = 0; ; attempt++) {
      try {
        const { rows } = await client.query(APPEND, params);
        for (const row of rows)
          tail.set(
            row.document_id,
            (tail.get(row.document_id) ?? 0) + Number(row.to_seq) - Number(row.from_seq) + 1,
          );
        return rows.map((row) => ({
          documentId: row.document_id,
          fromSeq: Number(row.from_seq),
          toSeq: Number(row.to_seq),
        }));
      } catch (error) {
        if ((error as { code?: string }).code !== "23505" || attempt >= 3) throw error;
      }
    }
  };
  const originalNeeds = store.needsCompaction.bind(store);
  const originalCompact = store.compact.bind(store);
  store.needsCompaction = async (documentId) => {
    if (!tail.has(documentId)) return originalNeeds(documentId);
    return (tail.get(documentId) ?? 0) > 500;
  };
  void originalCompact;
  // Compaction without blocking appends: fold outside any transaction (rows up to
  // the folded seq never change), then a short transaction under a compaction-only
  // lock. Appends only ever add rows after max(seq), so they need not wait.
  store.compact = async (documentId) => {
    const snap = await client.query(
      "select upto_seq, data from document_snapshots where document_id = $1 order by upto_seq desc limit 1",
      [documentId],
    );
    const from = Number(snap.rows[0]?.upto_seq ?? 0);
    const { rows } = await client.query(
      "select seq, data from document_updates where document_id = $1 and seq > $2 and data is not null order by seq",
      [documentId, from],
    );
    const last = rows.at(-1);
    if (!last) return from;
    const doc = new Y.Doc();
    Y.transact(doc, () => {
      if (snap.rows[0]) Y.applyUpdate(doc, snap.rows[0].data);
      for (const row of rows) Y.applyUpdate(doc, row.data);
    });
    const state = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    const uptoSeq = Number(last.seq);
    const tx = await client.connect();
    try {
      await tx.query("begin");
      await tx.query("select pg_advisory_xact_lock(hashtext($1))", [`compact:${documentId}`]);
      const newer = await tx.query(
        "select 1 from document_snapshots where document_id = $1 and upto_seq >= $2",
        [documentId, uptoSeq],
      );
      if (newer.rowCount === 0) {
        await tx.query(
          "insert into document_snapshots (document_id, upto_seq, data) values ($1, $2, $3)",
          [documentId, uptoSeq, Buffer.from(state)],
        );
        await tx.query(
          "update document_updates set data = null where document_id = $1 and seq <= $2 and data is not null",
          [documentId, uptoSeq],
        );
        await tx.query("delete from document_snapshots where document_id = $1 and upto_seq < $2", [
          documentId,
          uptoSeq,
        ]);
      }
      await tx.query("commit");
    } catch (error) {
      await tx.query("rollback").catch(() => {});
      throw error;
    } finally {
      tx.release();
    }
    tail.set(documentId, Math.max(0, (tail.get(documentId) ?? 0) - rows.length));
    return uptoSeq;
  };
}

let user: { id: string; agencyId: string; email: string } | undefined;

serveParent({
  info: () => ({ port, database: database.kind }),
  /** One agency, one user and `count` conferences of one case where the agency is an editor. */
  setup: async ({ count }: { count: number }) => {
    const db = database.db;
    const agency = await factories.createAgency(db);
    user = await factories.createUser(db, {
      agencyId: agency.id,
      passwordHash: await hashPassword(PASSWORD),
    });
    const kase = await factories.createCase(db, { ownerAgencyId: agency.id });
    const conferences: string[] = [];
    for (let i = 0; i < count; i++) {
      const conference = await factories.createConference(db, { caseId: kase.id }, [
        { agencyId: agency.id, role: "editor" },
      ]);
      conferences.push(conference.id);
    }
    return { email: user.email, password: PASSWORD, conferences };
  },
  /** Writes `n` keystroke updates into the update log of each document (no snapshot). */
  seedCold: async ({ documents, n }: { documents: string[]; n: number }) => {
    if (!user) throw new Error("setup first");
    const updates = typingUpdates(n);
    const at = new Date();
    for (const documentName of documents) {
      for (let i = 0; i < updates.length; i += 1000) {
        await store.append(
          updates.slice(i, i + 1000).map((update) => ({
            documentName,
            update,
            userId: user?.id as string,
            agencyId: user?.agencyId as string,
            at,
          })),
        );
      }
    }
    return updates.length;
  },
  /** Folds the log of a document into a snapshot (what compaction does after 500 updates). */
  compact: async ({ document }: { document: string }) => store.compact(document),
  loadMs: ({ document }: { document: string }) => loadMs.get(document) ?? null,
  stop: async () => {
    await app.close();
    await database.close();
    setImmediate(() => process.exit(0));
    return true;
  },
});
process.send?.({ event: "ready", data: { port } });
