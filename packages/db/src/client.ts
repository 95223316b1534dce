import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { EmbeddedClient } from "./embedded-client.ts";
import * as schema from "./schema/index.ts";

export type Schema = typeof schema;
/** What both drivers have in common; code above this package sees only this. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** A database handle or an open transaction: helpers accept either. */
export type Executor = Database | Transaction;

export interface DatabaseHandle {
  db: Database;
  kind: "postgres" | "pglite";
  /** Runs the migrations; safe to call from several processes at once on PostgreSQL. */
  migrate(): Promise<void>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
  /** Embedded only: the whole cluster as an uncompressed tarball, to start copies from. */
  dump?(): Promise<Blob>;
}

export type DatabaseOptions =
  | { kind: "postgres"; url: string; poolSize?: number }
  /**
   * `dataDir` undefined keeps everything in memory (tests). `template` starts
   * from a dump (`dumpPglite`) instead of an empty cluster, which skips initdb
   * and the migrations: tests start a fresh database in a fraction of the time.
   */
  | { kind: "pglite"; dataDir?: string; template?: Blob };

const migrationsFolder = fileURLToPath(new URL("../migrations", import.meta.url));
// Any constant works; it only has to be the same for every process of this app.
const MIGRATION_LOCK_KEY = 727_274_001;
/** The health check answers within a second, whatever the database does. */
const PING_DEADLINE_MS = 800;
/**
 * No query waits on a frozen connection for ever; the longest legitimate ones (a
 * retention run, a large batch of document updates) finish well within this.
 */
const QUERY_TIMEOUT_MS = 60_000;

export async function createDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  return options.kind === "postgres"
    ? createPostgresDatabase(options.url, options.poolSize)
    : createPgliteDatabase(options.dataDir, options.template);
}

function createPostgresDatabase(url: string, poolSize = 10): DatabaseHandle {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    connectionTimeoutMillis: 5_000,
    query_timeout: QUERY_TIMEOUT_MS,
    statement_timeout: QUERY_TIMEOUT_MS,
    idle_in_transaction_session_timeout: QUERY_TIMEOUT_MS,
    keepAlive: true,
  });
  // A dropped connection must not take the process down; the next query reconnects.
  pool.on("error", () => {});
  const db = drizzlePg(pool, { schema }) as unknown as Database;
  return {
    db,
    kind: "postgres",
    async migrate() {
      const client = await pool.connect();
      try {
        await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
        await migratePg(drizzlePg(client, { schema }), { migrationsFolder });
      } finally {
        await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => {});
        client.release();
      }
    },
    ping: () => pingDatabase(db),
    close: () => pool.end(),
  };
}

async function createPgliteDatabase(
  dataDir: string | undefined,
  template: Blob | undefined,
): Promise<DatabaseHandle> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = new EmbeddedClient({
    ...(dataDir ? { dataDir } : {}),
    ...(template ? { loadDataDir: template } : {}),
  });
  await client.waitReady;
  const pgliteDb = drizzlePglite(client, { schema });
  const db = pgliteDb as unknown as Database;
  return {
    db,
    kind: "pglite",
    migrate: () => migratePglite(pgliteDb, { migrationsFolder }),
    ping: () => pingDatabase(db),
    close: () => client.close(),
    dump: () => client.dumpDataDir("none"),
  };
}

/**
 * Whether the database answers a trivial query within the deadline. A frozen
 * connection or a busy embedded database counts as unreachable rather than letting
 * the health check (and the load balancer asking it) wait.
 */
async function pingDatabase(db: Database, deadlineMs = PING_DEADLINE_MS): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), deadlineMs);
  });
  const answered = db.execute(sql`select 1`).then(
    () => true,
    () => false,
  );
  try {
    return await Promise.race([answered, late]);
  } finally {
    clearTimeout(timer);
  }
}
