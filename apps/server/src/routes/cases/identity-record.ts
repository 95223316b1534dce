import {
  type TIdentityRecord,
  type TIdentityRecordResponse,
  ZIdentityRecord,
} from "@runder-tisch/contracts";
import { type Executor, schema } from "@runder-tisch/db";
import { eq } from "drizzle-orm";
import { notFound } from "../../errors.ts";
import type { IdentityCipher } from "../../lib/identity-crypto.ts";

/*
 * Who is behind a case code. The record is encrypted with the case id as
 * associated data, so a ciphertext copied onto another case does not decrypt.
 */

export async function readIdentityRecord(
  db: Executor,
  cipher: IdentityCipher,
  caseId: string,
): Promise<TIdentityRecordResponse> {
  const [row] = await db
    .select()
    .from(schema.identityRecords)
    .where(eq(schema.identityRecords.caseId, caseId));
  if (!row) throw notFound("Identity record");
  const identity = ZIdentityRecord.parse(
    JSON.parse(cipher.decrypt(row.ciphertext, caseId, row.keyId)),
  );
  return { identity, updatedAt: row.updatedAt.toISOString() };
}

export async function saveIdentityRecord(
  db: Executor,
  cipher: IdentityCipher,
  caseId: string,
  identity: TIdentityRecord,
  userId: string,
): Promise<TIdentityRecordResponse> {
  const values = {
    ciphertext: cipher.encrypt(JSON.stringify(identity), caseId),
    keyId: cipher.keyId,
    updatedBy: userId,
    updatedAt: new Date(),
  };
  await db
    .insert(schema.identityRecords)
    .values({ caseId, ...values })
    .onConflictDoUpdate({ target: schema.identityRecords.caseId, set: values });
  return { identity, updatedAt: values.updatedAt.toISOString() };
}

export async function deleteIdentityRecord(db: Executor, caseId: string): Promise<void> {
  const deleted = await db
    .delete(schema.identityRecords)
    .where(eq(schema.identityRecords.caseId, caseId))
    .returning({ caseId: schema.identityRecords.caseId });
  if (deleted.length === 0) throw notFound("Identity record");
}
