import { existsSync } from "node:fs";
import { join } from "node:path";
import { createDatabase, type DatabaseHandle } from "@runder-tisch/db";
import type { Env } from "../env.ts";

/**
 * The database the server uses, for a command-line tool: PostgreSQL (DATABASE_URL)
 * while the nodes keep running, or the embedded one in DATA_DIR, which only one
 * process may open at a time: the server must be stopped first.
 */
export async function openServerDatabase(env: Env): Promise<DatabaseHandle> {
  if (env.DATABASE_URL) {
    return createDatabase({ kind: "postgres", url: env.DATABASE_URL, poolSize: 1 });
  }
  const dataDir = join(env.DATA_DIR, "pglite");
  // Opening a missing directory would create an empty database and work on that instead.
  if (!existsSync(dataDir)) throw new Error(`no embedded database in ${dataDir}`);
  return createDatabase({ kind: "pglite", dataDir });
}
