import { randomBytes } from "node:crypto";
import pg from "pg";

export interface BenchDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A fresh rt_bench_<random> database on the PostgreSQL at `adminUrl`, dropped by the
 * caller afterwards; null when that server cannot be reached (the servers then use PGlite).
 */
export async function createBenchDatabase(
  adminUrl: string,
  log: (line: string) => void,
): Promise<BenchDatabase | null> {
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 2_000 });
  try {
    await admin.connect();
  } catch (error) {
    log(`PostgreSQL not reachable at ${adminUrl} (${(error as Error).message}); using PGlite`);
    return null;
  }
  const name = `rt_bench_${randomBytes(4).toString("hex")}`;
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  log(`database ${name} on ${url.host}`);
  return {
    url: url.toString(),
    async drop() {
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
      log(`dropped ${name}`);
    },
  };
}
