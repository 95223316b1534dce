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
  type Placeholder,
  type SQL,
  sql,
} from "drizzle-orm";
import {
  byDueDate,
  type PresentableActionRow,
  presentAction,
  selectPresentableActions,
} from "../../domain/actions/index.ts";
import { QueryShapes } from "../../lib/query-shapes.ts";
import { addDays, todayInBerlin } from "../../lib/time.ts";
import {
  caseVisibleTo,
  responsibleAgencySeesCase,
  type SqlValue,
  specialCategoryVisibleTo,
} from "../../policies/case-access.ts";

const PENDING = [...PENDING_ACTION_STATUSES];
const FINISHED: TActionStatus[] = ["done", "cancelled"];

export interface InboxReader {
  userId: string;
  agencyId: string;
}

/** The values of the inbox queries: each a value, or a placeholder of a prepared query. */
interface InboxValues {
  userId: SqlValue;
  agencyId: SqlValue;
  today: SqlValue;
  weekAhead: SqlValue;
  dueBefore: SqlValue;
  caseId: SqlValue;
  limit: number | Placeholder;
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
  return buildQueries(db, filters, {
    ...reader,
    today,
    weekAhead: addDays(today, 7),
    dueBefore: filters.dueBefore ?? "",
    caseId: filters.caseId ?? "",
    limit: filters.limit,
  });
}

/** `filters` decides which conditions the queries have; `values` fills them. */
function buildQueries(db: Executor, filters: TInboxFilters, values: InboxValues) {
  const actions = schema.actions;
  const { agencyId, today } = values;
  // Left without an owner: the responsible agency lost access to a case my agency owns.
  const orphaned = and(
    eq(schema.cases.ownerAgencyId, agencyId),
    not(responsibleAgencySeesCase(today)),
  ) as SQL;
  const scope =
    filters.scope === "me"
      ? eq(actions.responsibleUserId, values.userId)
      : (or(eq(actions.responsibleAgencyId, agencyId), orphaned) as SQL);
  const visible = caseVisibleTo(agencyId, today);
  const overdue = and(lt(actions.dueDate, today), inArray(actions.status, PENDING)) as SQL;

  const conditions: SQL[] = [scope, visible, inArray(actions.status, filters.status ?? PENDING)];
  if (filters.dueBefore) conditions.push(lt(actions.dueDate, values.dueBefore));
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
  if (filters.caseId) conditions.push(eq(actions.caseId, values.caseId));
  if (filters.needsNewOwner === true) conditions.push(orphaned);
  if (filters.needsNewOwner === false) conditions.push(not(orphaned));
  if (filters.theme) {
    conditions.push(arrayContains(schema.cases.themes, [filters.theme]));
    // Otherwise the filter would tell which cases carry a health theme the agency may not see.
    if (SPECIAL_CATEGORY_THEMES.includes(filters.theme)) {
      conditions.push(specialCategoryVisibleTo(agencyId, today));
    }
  }

  const list = selectPresentableActions(db, today)
    .where(and(...conditions))
    .orderBy(...byDueDate)
    .limit(values.limit);

  const counts = db
    .select({
      open: sql<number>`count(*)`.mapWith(Number),
      overdue: sql<number>`count(*) filter (where ${actions.dueDate} < ${today})`.mapWith(Number),
      dueWithin7Days: sql<number>`count(*) filter (where ${actions.dueDate} >= ${today}
        and ${actions.dueDate} <= ${values.weekAhead})`.mapWith(Number),
      needsNewOwner: sql<number>`count(*) filter (where ${orphaned})`.mapWith(Number),
    })
    .from(actions)
    .innerJoin(schema.cases, eq(schema.cases.id, actions.caseId))
    .where(and(scope, visible, inArray(actions.status, PENDING)));

  return { list, counts };
}

const PLACEHOLDERS: InboxValues = {
  userId: sql.placeholder("userId"),
  agencyId: sql.placeholder("agencyId"),
  today: sql.placeholder("today"),
  weekAhead: sql.placeholder("weekAhead"),
  dueBefore: sql.placeholder("dueBefore"),
  caseId: sql.placeholder("caseId"),
  limit: sql.placeholder("limit"),
};

const inboxShapes = new QueryShapes<ReturnType<typeof prepareInbox>>("inbox");

/** The queries of one combination of filters, with placeholders for every value. */
function prepareInbox(
  db: Executor,
  filters: TInboxFilters,
  statementName: (part: string) => string,
) {
  const { list, counts } = buildQueries(db, filters, PLACEHOLDERS);
  return {
    list: list.prepare(statementName("list")),
    counts: counts.prepare(statementName("counts")),
  };
}

/** Which conditions the filters switch on; the values they carry are not part of it. */
function shapeOf(filters: TInboxFilters): unknown[] {
  return [
    filters.scope ?? null,
    filters.status ?? null,
    Boolean(filters.dueBefore),
    filters.overdue ?? null,
    Boolean(filters.caseId),
    filters.needsNewOwner ?? null,
    filters.theme ?? null,
  ];
}

export async function listInbox(
  db: Executor,
  reader: InboxReader,
  filters: TInboxFilters,
  today: string = todayInBerlin(),
): Promise<TInboxResponse> {
  const prepared = inboxShapes.get(db, shapeOf(filters), (name) => prepareInbox(db, filters, name));
  let rows: PresentableActionRow[];
  let totals: TInboxCounts | undefined;
  if (prepared) {
    const values = {
      ...reader,
      today,
      weekAhead: addDays(today, 7),
      dueBefore: filters.dueBefore ?? null,
      caseId: filters.caseId ?? null,
      limit: filters.limit,
    };
    rows = await prepared.list.execute(values);
    [totals] = await prepared.counts.execute(values);
  } else {
    const { list, counts } = buildInboxQueries(db, reader, filters, today);
    rows = await list;
    [totals] = await counts;
  }
  const empty: TInboxCounts = { open: 0, overdue: 0, dueWithin7Days: 0, needsNewOwner: 0 };
  return {
    actions: rows.map((row) => presentAction(row, reader.agencyId)),
    counts: totals ?? empty,
  };
}
