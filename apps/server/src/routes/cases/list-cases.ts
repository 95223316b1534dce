import { SPECIAL_CATEGORY_THEMES, type TCaseListQuery } from "@runder-tisch/contracts";
import { type Database, schema } from "@runder-tisch/db";
import {
  and,
  arrayContains,
  desc,
  eq,
  ilike,
  or,
  type Placeholder,
  type SQL,
  sql,
} from "drizzle-orm";
import { QueryShapes } from "../../lib/query-shapes.ts";
import { todayInBerlin } from "../../lib/time.ts";
import {
  caseVisibleTo,
  type SqlValue,
  specialCategoryVisibleTo,
} from "../../policies/case-access.ts";

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);

/** The values of the case list: each a value, or a placeholder of a prepared query. */
interface CaseListValues {
  agencyId: SqlValue;
  today: SqlValue;
  /** Used only when the query filters by status. */
  status: NonNullable<TCaseListQuery["status"]> | Placeholder;
  pattern: SqlValue;
}

/** `query` decides which conditions the list has; `values` fills them. */
function buildCaseList(db: Database, query: TCaseListQuery, values: CaseListValues) {
  const { agencyId, today } = values;
  const filters: SQL[] = [caseVisibleTo(agencyId, today)];
  if (query.status) filters.push(eq(schema.cases.status, values.status));
  if (query.theme) {
    filters.push(arrayContains(schema.cases.themes, [query.theme]));
    // Filtering by a special-category theme would otherwise reveal it.
    if (SPECIAL_CATEGORY_THEMES.includes(query.theme)) {
      filters.push(specialCategoryVisibleTo(agencyId, today));
    }
  }
  if (query.q) {
    filters.push(
      or(
        ilike(schema.cases.code, values.pattern),
        ilike(schema.cases.summary, values.pattern),
      ) as SQL,
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

const PLACEHOLDERS: CaseListValues = {
  agencyId: sql.placeholder("agencyId"),
  today: sql.placeholder("today"),
  status: sql.placeholder("status"),
  pattern: sql.placeholder("pattern"),
};

const caseListShapes = new QueryShapes<ReturnType<typeof prepareCaseList>>("case_list");

function prepareCaseList(
  db: Database,
  query: TCaseListQuery,
  statementName: (part: string) => string,
) {
  return buildCaseList(db, query, PLACEHOLDERS).prepare(statementName("page"));
}

/** The cases an agency may see, with what it needs to present each. */
export async function listVisibleCases(db: Database, agencyId: string, query: TCaseListQuery) {
  // One set of values for the prepared query and the one built afresh; a value whose
  // condition the query lacks is not used.
  const values = {
    agencyId,
    today: todayInBerlin(),
    status: query.status ?? "open",
    pattern: query.q ? `%${escapeLike(query.q)}%` : "",
  } satisfies CaseListValues;
  const shape = [Boolean(query.status), query.theme ?? null, Boolean(query.q)];
  const prepared = caseListShapes.get(db, shape, (name) => prepareCaseList(db, query, name));
  return prepared ? prepared.execute(values) : buildCaseList(db, query, values);
}
