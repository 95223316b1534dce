import { type Executor, schema } from "@runder-tisch/db";
import { asc, eq, inArray } from "drizzle-orm";

/** Every dispute mark of a case, lifted ones too, oldest first. */
export function listCaseDisputes(db: Executor, caseId: string) {
  return db
    .select()
    .from(schema.disputes)
    .where(eq(schema.disputes.caseId, caseId))
    .orderBy(asc(schema.disputes.createdAt));
}

/** Names of the agencies that raised marks, for presenting them. */
export async function loadAgencyNames(
  db: Executor,
  ids: readonly (string | null)[],
): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: schema.agencies.id, name: schema.agencies.name })
    .from(schema.agencies)
    .where(inArray(schema.agencies.id, wanted));
  return new Map(rows.map((row) => [row.id, row.name]));
}
