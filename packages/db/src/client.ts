import { mkdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type SQL, sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { EmbeddedClient } from "./embedded-client.ts";
import { PreparingClient } from "./preparing-client.ts";
import * as schema from "./schema/index.ts";

export type Schema = typeof schema;
/** What both drivers have in common; code above this package sees only this. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** A database handle or an open transaction: helpers accept either. */
export type Executor = Database | Transaction;

/** The PostgreSQL connection pool at one moment. */
export interface PoolStats {
  /** Open connections, busy or idle. */
  total: number;
  idle: number;
  /** Queries waiting for a connection because all are busy. */
  waiting: number;
  /** The most connections the pool opens. */
  max: number;
}

export interface DatabaseHandle {
  db: Database;
  kind: "postgres" | "pglite";
  /** Runs the migrations; safe to call from several processes at once on PostgreSQL. */
  migrate(): Promise<void>;
  /**
   * The tags of the migrations this version ships that the database lacks (oldest
   * first); empty when it is current. Reads only, so a node that must not migrate can
   * still refuse to run on an old schema.
   */
  pendingMigrations(): Promise<string[]>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
  /** Embedded only: the whole cluster as an uncompressed tarball, to start copies from. */
  dump?(): Promise<Blob>;
  /** PostgreSQL only, read-only figures; the embedded database is one connection, no pool. */
  poolStats?(): PoolStats;
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
    Client: PreparingClient,
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
    pendingMigrations: () => pendingMigrations(db),
    ping: () => pingDatabase(db),
    close: () => pool.end(),
    poolStats: () => ({
      total: pool.totalCount,
      idle: pool.idleCount,
      waiting: pool.waitingCount,
      max: poolSize,
    }),
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
    pendingMigrations: () => pendingMigrations(db),
    ping: () => pingDatabase(db),
    close: () => client.close(),
    dump: () => client.dumpDataDir("none"),
  };
}

interface JournalEntry {
  tag: string;
  when: number;
}

/**
 * drizzle's migrator applies every journal entry newer than the newest `created_at` in
 * drizzle.__drizzle_migrations; the same rule here names what it would apply.
 */
async function pendingMigrations(db: Database): Promise<string[]> {
  const journal = JSON.parse(readFileSync(`${migrationsFolder}/meta/_journal.json`, "utf8")) as {
    entries: JournalEntry[];
  };
  const rows = async <Row>(query: SQL): Promise<Row[]> => {
    try {
      // Both drivers answer raw SQL with `{ rows }`; the shared PgDatabase type does not say so.
      return ((await db.execute(query)) as unknown as { rows: Row[] }).rows;
    } catch (error) {
      // drizzle wraps the driver's error (whose code says "unreachable", "refused" ...) in
      // one naming the SQL; callers word the driver's, as they do for migrate().
      throw error instanceof Error && error.cause instanceof Error ? error.cause : error;
    }
  };
  const [table] = await rows<{ present: boolean }>(
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
  );
  let newest = Number.NEGATIVE_INFINITY;
  if (table?.present) {
    const [last] = await rows<{ created_at: string | number | null }>(
      sql`select max(created_at) as created_at from drizzle.__drizzle_migrations`,
    );
    if (last?.created_at !== null && last?.created_at !== undefined) {
      newest = Number(last.created_at);
    }
  }
  return journal.entries.filter((entry) => entry.when > newest).map((entry) => entry.tag);
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
