import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDatabase, type DatabaseHandle } from "@runder-tisch/db";
import pg from "pg";
import { inject } from "vitest";
import { readPgliteTemplate } from "../test-database.ts";

/** What the server child needs to find its database, and how to throw it away afterwards. */
export interface FreshDatabase {
  kind: "pglite" | "postgres";
  /** DATA_DIR always (identity.key lives there), plus DATABASE_URL on PostgreSQL. */
  env: Record<string, string>;
  /** Opens the same database from the test, to look at it while the server is down. */
  open(): Promise<DatabaseHandle>;
  drop(): Promise<void>;
}

/**
 * A database nobody else uses, for a server that runs in another process:
 * on PostgreSQL a copy of the migrated template the global setup made (named
 * like test-database.ts names them, so the global teardown also sweeps it up
 * if this process dies), otherwise a PGlite data directory in a temp folder, unpacked
 * from the migrated dump.
 */
export async function createFreshDatabase(): Promise<FreshDatabase> {
  const dataDir = await mkdtemp(join(tmpdir(), "rt-crash-"));
  const removeDataDir = () => rm(dataDir, { recursive: true, force: true });
  if (process.env.RT_TEST_DB !== "postgres") {
    // Unpacked from the migrated dump: a server starting on an empty directory spends most
    // of its start migrating, which is not what these tests are about.
    const pgliteDir = join(dataDir, "pglite");
    const unpacked = await createDatabase({
      kind: "pglite",
      dataDir: pgliteDir,
      template: await readPgliteTemplate(),
    });
    await unpacked.close();
    return {
      kind: "pglite",
      env: { DATA_DIR: dataDir },
      // The server keeps its embedded database in DATA_DIR/pglite (start-server.ts).
      open: () => createDatabase({ kind: "pglite", dataDir: pgliteDir }),
      drop: removeDataDir,
    };
  }
  const database = await createPostgresTestDatabase({ migrated: true });
  return {
    kind: "postgres",
    env: { DATA_DIR: dataDir, DATABASE_URL: database.url },
    open: () => createDatabase({ kind: "postgres", url: database.url, poolSize: 1 }),
    async drop() {
      await database.drop();
      await removeDataDir();
    },
  };
}

/**
 * A PostgreSQL database of the test's own: a copy of the migrated template the global
 * setup made, or an empty one (to test migrating). Named like test-database.ts names
 * them, so the global teardown also sweeps it up if this process dies.
 */
export async function createPostgresTestDatabase(options: {
  migrated: boolean;
}): Promise<{ url: string; drop(): Promise<void> }> {
  const templateUrl = new URL(inject("postgresTemplateUrl"));
  const template = templateUrl.pathname.slice(1);
  const name = `rt_test_${template.slice("rt_template_".length)}_${randomBytes(4).toString("hex")}`;
  const adminUrl = new URL(templateUrl);
  adminUrl.pathname = "/postgres";
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: adminUrl.toString() });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}${options.migrated ? ` template ${template}` : ""}`);
  const url = new URL(templateUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    // "with (force)": a SIGKILLed server leaves its connections for PostgreSQL to notice.
    drop: () => admin(`drop database if exists ${name} with (force)`),
  };
}
