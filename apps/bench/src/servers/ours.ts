// Our server: the real Fastify app (buildApp) with PostgreSQL (BENCH_PG_URL) or PGlite.
import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { createDatabase } from "@runder-tisch/db";
import * as factories from "@runder-tisch/db/factories";
import { buildApp } from "@runder-tisch/server/src/app.ts";
import { parseEnv } from "@runder-tisch/server/src/env.ts";
import { IdentityCipher } from "@runder-tisch/server/src/lib/identity-crypto.ts";
import { hashPassword } from "@runder-tisch/server/src/lib/passwords.ts";
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

// Diagnostics only (never in the recorded table): BENCH_OURS_VARIANT=no-persist stubs
// the database write out, to tell the cost of persistence from the cost of relaying.
const variant = process.env.BENCH_OURS_VARIANT ?? "";
if (variant === "no-persist") {
  store.append = async () => [];
  store.needsCompaction = async () => false;
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
