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
  ne,
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
 * The inbox as queries built but not run, so the benchmark can EXPLAIN exactly what the
 * route executes: a page and counts for each part of the scope. All keep to cases the
 * agency can still see: a revoked basis empties the inbox of that case at once.
 */
export function buildInboxQueries(
  db: Executor,
  reader: InboxReader,
  filters: TInboxFilters,
  today: string = todayInBerlin(),
) {
  return buildQueries(db, filters, inboxValues(reader, filters, today));
}

/**
 * The values for the prepared queries and for those built afresh alike; a value whose
 * condition the filters leave out is not used.
 */
function inboxValues(reader: InboxReader, filters: TInboxFilters, today: string) {
  return {
    userId: reader.userId,
    agencyId: reader.agencyId,
    today,
    weekAhead: addDays(today, 7),
    dueBefore: filters.dueBefore ?? "",
    caseId: filters.caseId ?? "",
    limit: filters.limit,
  } satisfies InboxValues;
}

/**
 * An agency's inbox has two parts that never overlap: the actions it is responsible for,
 * and the actions of its own cases left without an owner (the responsible agency lost
 * access). Asked as one condition with OR, PostgreSQL cannot use the inbox-order index
 * and reads every pending action; asked apart, each part reads only its own rows, and the
 * pages are merged here. A person's inbox has only the first part.
 */
function scopeParts(filters: TInboxFilters, values: InboxValues) {
  const actions = schema.actions;
  const own =
    filters.scope === "me"
      ? eq(actions.responsibleUserId, values.userId)
      : eq(actions.responsibleAgencyId, values.agencyId);
  const cases = schema.cases;
  const orphaned = and(
    eq(cases.ownerAgencyId, values.agencyId),
    // The same cases again, as a list the actions' index can be searched with: joined
    // alone, PostgreSQL would read every pending action to find those of these cases.
    sql`${actions.caseId} = any(array(select ${cases.id} from ${cases} where ${cases.ownerAgencyId} = ${values.agencyId}))`,
    ne(actions.responsibleAgencyId, values.agencyId),
    not(responsibleAgencySeesCase(values.today)),
  ) as SQL;
  if (filters.scope === "me") return { listed: [own], counted: [own], orphaned };
  const listed =
    filters.needsNewOwner === true
      ? [orphaned]
      : filters.needsNewOwner === false
        ? [own]
        : [own, orphaned];
  return { listed, counted: [own, orphaned], orphaned };
}

/** `filters` decides which conditions the queries have; `values` fills them. */
function buildQueries(db: Executor, filters: TInboxFilters, values: InboxValues) {
  const actions = schema.actions;
  const { agencyId, today } = values;
  const { listed, counted, orphaned } = scopeParts(filters, values);
  const visible = caseVisibleTo(agencyId, today);
  const overdue = and(lt(actions.dueDate, today), inArray(actions.status, PENDING)) as SQL;

  const conditions: SQL[] = [visible, inArray(actions.status, filters.status ?? PENDING)];
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
  if (filters.theme) {
    conditions.push(arrayContains(schema.cases.themes, [filters.theme]));
    // Otherwise the filter would tell which cases carry a health theme the agency may not see.
    if (SPECIAL_CATEGORY_THEMES.includes(filters.theme)) {
      conditions.push(specialCategoryVisibleTo(agencyId, today));
    }
  }

  const lists = listed.map((part) =>
    selectPresentableActions(db, today)
      .where(and(part, ...conditions))
      .orderBy(...byDueDate)
      .limit(values.limit),
  );

  const counts = counted.map((part) =>
    db
      .select({
        open: sql<number>`count(*)`.mapWith(Number),
        overdue: sql<number>`count(*) filter (where ${actions.dueDate} < ${today})`.mapWith(Number),
        dueWithin7Days: sql<number>`count(*) filter (where ${actions.dueDate} >= ${today}
        and ${actions.dueDate} <= ${values.weekAhead})`.mapWith(Number),
        needsNewOwner: sql<number>`count(*) filter (where ${orphaned})`.mapWith(Number),
      })
      .from(actions)
      .innerJoin(schema.cases, eq(schema.cases.id, actions.caseId))
      .where(and(part, visible, inArray(actions.status, PENDING))),
  );

  return { lists, counts };
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
  const { lists, counts } = buildQueries(db, filters, PLACEHOLDERS);
  return {
    lists: lists.map((list, part) => list.prepare(statementName(`list${part}`))),
    counts: counts.map((count, part) => count.prepare(statementName(`counts${part}`))),
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
  let pages: PresentableActionRow[][];
  let totals: TInboxCounts[];
  if (prepared) {
    const values = inboxValues(reader, filters, today);
    pages = await Promise.all(prepared.lists.map((list) => list.execute(values)));
    totals = (await Promise.all(prepared.counts.map((count) => count.execute(values)))).flat();
  } else {
    const { lists, counts } = buildInboxQueries(db, reader, filters, today);
    pages = await Promise.all(lists);
    totals = (await Promise.all(counts)).flat();
  }
  const rows = pages.length === 1 ? (pages[0] ?? []) : mergePages(pages, filters.limit);
  return {
    actions: rows.map((row) => presentAction(row, reader.agencyId)),
    counts: sumCounts(totals),
  };
}

/** The parts' pages in inbox order, as the database would have sorted them together. */
function mergePages(pages: PresentableActionRow[][], limit: number): PresentableActionRow[] {
  return pages
    .flat()
    .sort((a, b) => compareByDueDate(a.action, b.action))
    .slice(0, limit);
}

/** `byDueDate` in JavaScript: due date first (undated last), then creation, then id. */
function compareByDueDate(
  a: { dueDate: string | null; createdAt: Date; id: string },
  b: { dueDate: string | null; createdAt: Date; id: string },
): number {
  if (a.dueDate !== b.dueDate) {
    if (a.dueDate === null) return 1;
    if (b.dueDate === null) return -1;
    return a.dueDate < b.dueDate ? -1 : 1;
  }
  const created = a.createdAt.getTime() - b.createdAt.getTime();
  if (created !== 0) return created;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function sumCounts(parts: readonly TInboxCounts[]): TInboxCounts {
  const sum: TInboxCounts = { open: 0, overdue: 0, dueWithin7Days: 0, needsNewOwner: 0 };
  for (const part of parts) {
    sum.open += part.open;
    sum.overdue += part.overdue;
    sum.dueWithin7Days += part.dueWithin7Days;
    sum.needsNewOwner += part.needsNewOwner;
  }
  return sum;
}
