import type { DatabaseHandle } from "@runder-tisch/db";
import { verifyAuditChain } from "../audit/audit-trail.ts";
import { sealAuditTrail } from "../audit/seal-audit-trail.ts";
import { parseEnv } from "../env.ts";
import { openServerDatabase } from "./open-server-database.ts";

/**
 * `pnpm audit:verify`: checks the audit trail's hash chain against the database
 * the server uses. Exit code 0: intact, 1: broken (an entry was changed or
 * removed behind the trigger), 2: the check itself could not run.
 */
const EXIT_INTACT = 0;
const EXIT_BROKEN = 1;
const EXIT_ERROR = 2;

async function runVerifyAudit(): Promise<number> {
  let database: DatabaseHandle | undefined;
  try {
    database = await openServerDatabase(parseEnv());
    // Rows committed since the server last sealed (or before it crashed) are chained first.
    await sealAuditTrail(database.db);
    const result = await verifyAuditChain(database.db);
    if (result.valid) {
      console.log(
        `Audit-Protokoll intakt: ${result.checked} Einträge geprüft. / Audit trail intact: ${result.checked} entries checked.`,
      );
      return EXIT_INTACT;
    }
    console.log(
      `Audit-Protokoll beschädigt ab Eintrag ${result.firstBrokenId}. / Audit trail broken at entry ${result.firstBrokenId}: ${result.reason}.`,
    );
    return EXIT_BROKEN;
  } catch (error) {
    // drizzle's message is the failed SQL; the driver's reason sits in the cause.
    const cause = error instanceof Error ? error.cause : undefined;
    const reason = cause instanceof Error ? cause : error;
    const message = reason instanceof Error ? reason.message : String(reason);
    console.error(
      `Prüfung des Audit-Protokolls fehlgeschlagen. / Audit trail check failed: ${message}`,
    );
    return EXIT_ERROR;
  } finally {
    await database?.close().catch(() => {});
  }
}

process.exitCode = await runVerifyAudit();
