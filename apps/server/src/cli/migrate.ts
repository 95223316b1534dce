import { createDatabase, type DatabaseHandle } from "@runder-tisch/db";
import { parseEnv } from "../env.ts";
import { databaseProblem, StartupProblem } from "../startup-problem.ts";

/**
 * `pnpm migrate`: brings the PostgreSQL database of DATABASE_URL to this version's schema
 * and exits; the step a release runs once before its nodes start with
 * MIGRATE_ON_START=false (the compose `migrate` service, the Kubernetes Job). Several
 * runs at once are safe: the migration takes an advisory lock. Exit code 0: the database
 * is current, 1: it is not (the one line on stderr says why).
 */
async function runMigrate(): Promise<number> {
  let database: DatabaseHandle | undefined;
  try {
    const env = parseEnv();
    if (!env.DATABASE_URL) {
      // The embedded database has no cross-process lock; the server migrates it itself.
      throw new StartupProblem(
        "DATABASE_URL fehlt: `migrate` ist für PostgreSQL gedacht; die eingebaute Datenbank migriert der Server beim Start selbst.",
      );
    }
    database = await createDatabase({ kind: "postgres", url: env.DATABASE_URL, poolSize: 2 });
    const pending = await database.pendingMigrations();
    await database.migrate();
    const left = await database.pendingMigrations();
    if (left.length > 0) throw new StartupProblem(`${left.length} Migration(en) nicht angewendet.`);
    process.stdout.write(
      pending.length === 0
        ? "Datenbank ist bereits auf dem Stand dieser Version.\n"
        : `Datenbank migriert: ${pending.length} Migration(en) angewendet, zuletzt ${pending.at(-1)}.\n`,
    );
    return 0;
  } catch (error) {
    const problem = databaseProblem(error);
    // drizzle's message is the failed SQL; the driver's reason sits in the cause.
    const cause =
      problem instanceof Error && !(problem instanceof StartupProblem) ? problem.cause : undefined;
    const reason = cause instanceof Error ? cause : problem;
    const message = reason instanceof Error ? reason.message : String(reason);
    process.stderr.write(`Migration fehlgeschlagen: ${message.replaceAll("\n", " ")}\n`);
    return 1;
  } finally {
    await database?.close().catch(() => {});
  }
}

process.exitCode = await runMigrate();
