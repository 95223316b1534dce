import {
  PENDING_ACTION_STATUSES,
  SPECIAL_CATEGORY_THEMES,
  type TActionStatus,
  type TInboxCounts,
  type TInboxFilters,
  type TInboxResponse,
} from "@runder-tisch/contracts";
import { type Executor, schema } from "@runder-tisch/db";
import {
  and,
  arrayContains,
  eq,
  gte,
  inArray,
  isNull,
  lt,
  not,
  or,
  type SQL,
  sql,
} from "drizzle-orm";
import { byDueDate, presentAction, selectPresentableActions } from "../../domain/actions/index.ts";
import { addDays, todayInBerlin } from "../../lib/time.ts";
import {
  caseVisibleTo,
  responsibleAgencySeesCase,
  specialCategoryVisibleTo,
} from "../../policies/case-access.ts";

const PENDING = [...PENDING_ACTION_STATUSES];
const FINISHED: TActionStatus[] = ["done", "cancelled"];

export interface InboxReader {
  userId: string;
  agencyId: string;
}

/**
 * The inbox as two queries (the page and the counts), built but not run, so the
 * benchmark can EXPLAIN exactly what the route executes. Both keep to cases the
 * agency can still see: a revoked basis empties the inbox of that case at once.
 */
export function buildInboxQueries(
  db: Executor,
  reader: InboxReader,
  filters: TInboxFilters,
  today: string = todayInBerlin(),
) {
  const actions = schema.actions;
  // Left without an owner: the responsible agency lost access to a case my agency owns.
  const orphaned = and(
    eq(schema.cases.ownerAgencyId, reader.agencyId),
    not(responsibleAgencySeesCase(today)),
  ) as SQL;
  const scope =
    filters.scope === "me"
      ? eq(actions.responsibleUserId, reader.userId)
      : (or(eq(actions.responsibleAgencyId, reader.agencyId), orphaned) as SQL);
  const visible = caseVisibleTo(reader.agencyId, today);
  const overdue = and(lt(actions.dueDate, today), inArray(actions.status, PENDING)) as SQL;

  const conditions: SQL[] = [scope, visible, inArray(actions.status, filters.status ?? PENDING)];
  if (filters.dueBefore) conditions.push(lt(actions.dueDate, filters.dueBefore));
  if (filters.overdue === true) conditions.push(overdue);
  if (filters.overdue === false) {
    conditions.push(
      or(
        isNull(actions.dueDate),
        gte(actions.dueDate, today),
        inArray(actions.status, FINISHED),
      ) as SQL,
    );
  }
  if (filters.caseId) conditions.push(eq(actions.caseId, filters.caseId));
  if (filters.needsNewOwner === true) conditions.push(orphaned);
  if (filters.needsNewOwner === false) conditions.push(not(orphaned));
  if (filters.theme) {
    conditions.push(arrayContains(schema.cases.themes, [filters.theme]));
    // Otherwise the filter would tell which cases carry a health theme the agency may not see.
    if (SPECIAL_CATEGORY_THEMES.includes(filters.theme)) {
      conditions.push(specialCategoryVisibleTo(reader.agencyId, today));
    }
  }

  const list = selectPresentableActions(db)
    .where(and(...conditions))
    .orderBy(...byDueDate)
    .limit(filters.limit);

  const weekAhead = addDays(today, 7);
  const counts = db
    .select({
      open: sql<number>`count(*)`.mapWith(Number),
      overdue: sql<number>`count(*) filter (where ${actions.dueDate} < ${today})`.mapWith(Number),
      dueWithin7Days: sql<number>`count(*) filter (where ${actions.dueDate} >= ${today}
        and ${actions.dueDate} <= ${weekAhead})`.mapWith(Number),
      needsNewOwner: sql<number>`count(*) filter (where ${orphaned})`.mapWith(Number),
    })
    .from(actions)
    .innerJoin(schema.cases, eq(schema.cases.id, actions.caseId))
    .where(and(scope, visible, inArray(actions.status, PENDING)));

  return { list, counts };
}

export async function listInbox(
  db: Executor,
  reader: InboxReader,
  filters: TInboxFilters,
  today: string = todayInBerlin(),
): Promise<TInboxResponse> {
  const { list, counts } = buildInboxQueries(db, reader, filters, today);
  const rows = await list;
  const [totals] = await counts;
  const empty: TInboxCounts = { open: 0, overdue: 0, dueWithin7Days: 0, needsNewOwner: 0 };
  return {
    actions: rows.map((row) => presentAction(row, reader.agencyId)),
    counts: totals ?? empty,
  };
}
