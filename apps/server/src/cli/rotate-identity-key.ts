import type { DatabaseHandle } from "@runder-tisch/db";
import { sealAuditTrail } from "../audit/seal-audit-trail.ts";
import { describeUnknownIdentityKeys } from "../domain/identity/find-unknown-identity-keys.ts";
import {
  RotationRefused,
  rotateIdentityRecords,
} from "../domain/identity/rotate-identity-records.ts";
import { parseEnv } from "../env.ts";
import { loadIdentityCipher } from "../lib/load-identity-cipher.ts";
import { StartupProblem } from "../startup-problem.ts";
import { openServerDatabase } from "./open-server-database.ts";

/**
 * `pnpm identity:rotate`: re-encrypts every identity record that is not under the
 * current IDENTITY_KEY, reading it with a key from IDENTITY_KEYS_PREVIOUS (see
 * docs/backup-and-restore.md). Safe to run again; a second run finds nothing to do.
 * Exit code 0: done or nothing to do, 1: refused (a record under a key it was not
 * given; nothing changed), 2: the run itself failed (run it again once the cause is fixed).
 */
const EXIT_DONE = 0;
const EXIT_REFUSED = 1;
const EXIT_ERROR = 2;

async function runRotateIdentityKey(): Promise<number> {
  let database: DatabaseHandle | undefined;
  try {
    const env = parseEnv();
    const cipher = loadIdentityCipher(env, { generateMissing: false });
    database = await openServerDatabase(env);
    const report = await rotateIdentityRecords(database.db, cipher);
    if (report.reencrypted === 0) {
      console.log(
        `Nichts zu tun: alle ${report.alreadyCurrent} Identitätsdatensätze sind mit dem aktuellen Schlüssel verschlüsselt. / Nothing to do: all ${report.alreadyCurrent} identity records are under the current key.`,
      );
      return EXIT_DONE;
    }
    // The entry just written joins the hash chain now rather than at the next server start.
    await sealAuditTrail(database.db);
    console.log(
      `Identitätsdaten neu verschlüsselt: ${report.reencrypted} Datensätze, ${report.alreadyCurrent} waren schon unter dem aktuellen Schlüssel. / Identity records re-encrypted: ${report.reencrypted}, already under the current key: ${report.alreadyCurrent}.`,
    );
    return EXIT_DONE;
  } catch (error) {
    if (error instanceof RotationRefused) {
      console.error(
        `Abgebrochen, nichts geändert: ${describeUnknownIdentityKeys(error.unknown)}. Den fehlenden Schlüssel in IDENTITY_KEYS_PREVIOUS angeben und erneut starten.`,
      );
      return EXIT_REFUSED;
    }
    if (error instanceof StartupProblem) {
      console.error(`Neuverschlüsselung nicht begonnen: ${error.message}`);
      return EXIT_ERROR;
    }
    // drizzle's message is the failed SQL; the driver's reason sits in the cause.
    const cause = error instanceof Error ? error.cause : undefined;
    const reason = cause instanceof Error ? cause : error;
    const message = reason instanceof Error ? reason.message : String(reason);
    console.error(
      `Neuverschlüsselung fehlgeschlagen, bereits umgeschlüsselte Datensätze bleiben lesbar; erneut starten, sobald die Ursache behoben ist. / Re-encryption failed: ${message}`,
    );
    return EXIT_ERROR;
  } finally {
    await database?.close().catch(() => {});
  }
}

process.exitCode = await runRotateIdentityKey();
