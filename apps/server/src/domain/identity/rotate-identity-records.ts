import { type Database, schema } from "@runder-tisch/db";
import { asc, eq, ne } from "drizzle-orm";
import { recordAudit } from "../../audit/audit-trail.ts";
import type { IdentityCipher } from "../../lib/identity-crypto.ts";
import { countIdentityRecordsByKey, type KeyCount } from "./find-unknown-identity-keys.ts";

export interface RotationReport {
  /** Records this run moved to the current key. */
  reencrypted: number;
  /** Records that were under the current key already when the run began. */
  alreadyCurrent: number;
}

/** Some records name a key the keyring lacks; nothing was changed. */
export class RotationRefused extends Error {
  override readonly name = "RotationRefused";

  constructor(readonly unknown: KeyCount[]) {
    super("identity records under keys that are not configured");
  }
}

const DEFAULT_BATCH_SIZE = 200;

/**
 * Re-encrypts every identity record that is not under the cipher's current key.
 * Each batch is one transaction that locks its rows, so a record changed through the
 * API meanwhile is either written by that request or by this run, never lost. A run
 * that stops half-way leaves every record readable (under the old key or the new),
 * and the next run picks up what is left. Running nodes keep serving throughout,
 * provided they hold the same keyring.
 */
export async function rotateIdentityRecords(
  db: Database,
  cipher: IdentityCipher,
  batchSize = DEFAULT_BATCH_SIZE,
): Promise<RotationReport> {
  const counts = await countIdentityRecordsByKey(db);
  const unknown = counts.filter(({ keyId }) => !cipher.knows(keyId));
  if (unknown.length > 0) throw new RotationRefused(unknown);
  const alreadyCurrent = counts.find(({ keyId }) => keyId === cipher.keyId)?.count ?? 0;
  let reencrypted = 0;
  for (;;) {
    const moved = await db.transaction(async (tx) => {
      const rows = await tx
        .select({
          caseId: schema.identityRecords.caseId,
          ciphertext: schema.identityRecords.ciphertext,
          keyId: schema.identityRecords.keyId,
        })
        .from(schema.identityRecords)
        .where(ne(schema.identityRecords.keyId, cipher.keyId))
        .orderBy(asc(schema.identityRecords.caseId))
        .limit(batchSize)
        .for("update");
      for (const row of rows) {
        const plaintext = cipher.decrypt(row.ciphertext, row.caseId, row.keyId);
        // updatedAt and updatedBy stay: they say when a person last changed the record.
        await tx
          .update(schema.identityRecords)
          .set({ ciphertext: cipher.encrypt(plaintext, row.caseId), keyId: cipher.keyId })
          .where(eq(schema.identityRecords.caseId, row.caseId));
      }
      return rows.length;
    });
    reencrypted += moved;
    if (moved < batchSize) break;
  }
  if (reencrypted > 0) {
    // Counts only: which cases were touched is no one's business beyond that it happened.
    await recordAudit(db, {
      action: "change",
      targetType: "identity_record",
      detail: { by: "key_rotation", reencrypted, alreadyCurrent },
    });
  }
  return { reencrypted, alreadyCurrent };
}
