import { type Executor, schema } from "@runder-tisch/db";
import { sql } from "drizzle-orm";
import type { IdentityCipher } from "../../lib/identity-crypto.ts";

export interface KeyCount {
  keyId: string;
  count: number;
}

/** How many identity records each key has encrypted. */
export async function countIdentityRecordsByKey(db: Executor): Promise<KeyCount[]> {
  return db
    .select({ keyId: schema.identityRecords.keyId, count: sql<number>`count(*)::int` })
    .from(schema.identityRecords)
    .groupBy(schema.identityRecords.keyId)
    .orderBy(schema.identityRecords.keyId);
}

/** Keys that records name but the keyring lacks: those records cannot be read. */
export async function findUnknownIdentityKeys(
  db: Executor,
  cipher: IdentityCipher,
): Promise<KeyCount[]> {
  const counts = await countIdentityRecordsByKey(db);
  return counts.filter(({ keyId }) => !cipher.knows(keyId));
}

/** "3 Identitätsdatensätze unter Schlüssel-ID 1a2b…" in one phrase, for warnings and refusals. */
export function describeUnknownIdentityKeys(unknown: readonly KeyCount[]): string {
  const total = unknown.reduce((sum, { count }) => sum + count, 0);
  const ids = unknown.map(({ keyId }) => keyId).join(", ");
  return `${total} ${total === 1 ? "Identitätsdatensatz ist" : "Identitätsdatensätze sind"} mit einem Schlüssel verschlüsselt, der weder in IDENTITY_KEY noch in IDENTITY_KEYS_PREVIOUS steht (Schlüssel-ID ${ids})`;
}
