import { SPECIAL_CATEGORY_THEMES, type TCaseListQuery } from "@runder-tisch/contracts";
import { type Database, schema } from "@runder-tisch/db";
import { and, arrayContains, desc, eq, ilike, or, type SQL } from "drizzle-orm";
import { todayInBerlin } from "../../lib/time.ts";
import { caseVisibleTo, specialCategoryVisibleTo } from "../../policies/case-access.ts";

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);

/** The cases an agency may see, with what it needs to present each. */
export async function listVisibleCases(db: Database, agencyId: string, query: TCaseListQuery) {
  const today = todayInBerlin();
  const filters: SQL[] = [caseVisibleTo(agencyId, today)];
  if (query.status) filters.push(eq(schema.cases.status, query.status));
  if (query.theme) {
    filters.push(arrayContains(schema.cases.themes, [query.theme]));
    // Filtering by a special-category theme would otherwise reveal it.
    if (SPECIAL_CATEGORY_THEMES.includes(query.theme)) {
      filters.push(specialCategoryVisibleTo(agencyId, today));
    }
  }
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`;
    filters.push(
      or(ilike(schema.cases.code, pattern), ilike(schema.cases.summary, pattern)) as SQL,
    );
  }
  return db
    .select({
      caseRow: schema.cases,
      owner: { id: schema.agencies.id, name: schema.agencies.name },
      specialCategory: specialCategoryVisibleTo(agencyId, today).mapWith(Boolean),
    })
    .from(schema.cases)
    .innerJoin(schema.agencies, eq(schema.agencies.id, schema.cases.ownerAgencyId))
    .where(and(...filters))
    .orderBy(desc(schema.cases.createdAt))
    .limit(500);
}
