import type { TCreateCaseRequest } from "@runder-tisch/contracts";
import { type Executor, schema } from "@runder-tisch/db";
import { sql } from "drizzle-orm";

/** Next pseudonymous code of the year, e.g. `RT-2026-0042`; the counter row serialises racing creators. */
export async function allocateCaseCode(db: Executor, now = new Date()): Promise<string> {
  const year = now.getUTCFullYear();
  const [counter] = await db
    .insert(schema.caseCodeCounters)
    .values({ year, lastNumber: 1 })
    .onConflictDoUpdate({
      target: schema.caseCodeCounters.year,
      set: { lastNumber: sql`${schema.caseCodeCounters.lastNumber} + 1` },
    })
    .returning({ lastNumber: schema.caseCodeCounters.lastNumber });
  return `RT-${year}-${String(counter?.lastNumber ?? 1).padStart(4, "0")}`;
}

export async function createCase(
  db: Executor,
  owner: { agencyId: string; userId: string },
  input: Required<Pick<TCreateCaseRequest, "summary" | "themes">> & {
    specialCategoryNote?: string | undefined;
  },
) {
  return db.transaction(async (tx) => {
    const code = await allocateCaseCode(tx);
    const [created] = await tx
      .insert(schema.cases)
      .values({
        code,
        ownerAgencyId: owner.agencyId,
        createdBy: owner.userId,
        summary: input.summary,
        themes: input.themes,
        specialCategoryNote: input.specialCategoryNote ?? null,
      })
      .returning();
    if (!created) throw new Error("case insert returned nothing");
    return created;
  });
}
