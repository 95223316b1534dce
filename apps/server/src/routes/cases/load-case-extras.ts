import type { TAgencyRef } from "@runder-tisch/contracts";
import { type Executor, schema } from "@runder-tisch/db";
import { eq } from "drizzle-orm";

/** Name of the owning agency, as the case view shows it. */
export async function loadOwnerRef(db: Executor, agencyId: string): Promise<TAgencyRef> {
  const [agency] = await db
    .select({ id: schema.agencies.id, name: schema.agencies.name })
    .from(schema.agencies)
    .where(eq(schema.agencies.id, agencyId));
  return agency ?? { id: agencyId, name: "" };
}

/** Whether an identity record exists; the owner sees that it does without opening it. */
export async function hasIdentityRecord(db: Executor, caseId: string): Promise<boolean> {
  const [row] = await db
    .select({ caseId: schema.identityRecords.caseId })
    .from(schema.identityRecords)
    .where(eq(schema.identityRecords.caseId, caseId));
  return row !== undefined;
}
