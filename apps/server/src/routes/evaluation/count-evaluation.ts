import type { PathwayOutcome, TActionStatus, TEvaluationFilters } from "@runder-tisch/contracts";
import { type Executor, schema } from "@runder-tisch/db";
import { and, eq, gte, inArray, lt, notInArray, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";

/** The raw counts of one evaluation, before anything is withheld. */
export interface EvaluationCounts {
  conferencesPerMonth: Map<string, number>;
  casesPerTheme: Map<string, number>;
  deletedCasesPerTheme: Map<string, number> | null;
  actionsPerAgency: { agency: string; status: TActionStatus; count: number }[];
  conferencesPerCase: number[];
  daysToDone: { median: number | null; count: number };
  overdue: { overdue: number; count: number };
  reviews: { notPossible: number; count: number };
  /** One row per checklist started in the period: its pathway's title and where it stands. */
  pathwayChecklists: { pathway: string; outcome: PathwayOutcome }[];
}

/** The first instant of a `YYYY-MM` month, in UTC. */
export const monthStart = (month: string, plusMonths = 0) =>
  new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1 + plusMonths, 1));

// A conference counts once it took place: planned ones may never happen, cancelled ones did not.
const NOT_HELD = ["planned", "cancelled"] as const;

/**
 * Counts everything the evaluation shows for a period of whole months (UTC), for the
 * whole Kreis or narrowed to one agency and/or one theme. Cases are narrowed by their
 * owner, actions by the agency responsible for them.
 */
export async function countEvaluation(
  db: Executor,
  filters: TEvaluationFilters,
  today: string,
): Promise<EvaluationCounts> {
  const start = monthStart(filters.from);
  const end = monthStart(filters.to, 1);
  const themeOfCase = filters.theme
    ? sql`${filters.theme} = any(${schema.cases.themes})`
    : undefined;
  const ownedCase = filters.agencyId ? eq(schema.cases.ownerAgencyId, filters.agencyId) : undefined;
  const between = (column: AnyPgColumn) => and(gte(column, start), lt(column, end));

  const conferences = schema.conferences;
  const heldInPeriod = and(
    notInArray(conferences.status, [...NOT_HELD]),
    between(conferences.scheduledAt),
    themeOfCase,
    ownedCase,
  );
  const month = sql<string>`to_char(${conferences.scheduledAt} at time zone 'UTC', 'YYYY-MM')`;
  const perMonth = await db
    .select({ month, count: sql<number>`count(*)::int` })
    .from(conferences)
    .innerJoin(schema.cases, eq(schema.cases.id, conferences.caseId))
    .where(heldInPeriod)
    .groupBy(month);

  const perCase = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(conferences)
    .innerJoin(schema.cases, eq(schema.cases.id, conferences.caseId))
    .where(heldInPeriod)
    .groupBy(conferences.caseId);

  const theme = sql<string>`coalesce(theme, 'none')`;
  const perTheme = await db
    .select({ theme, count: sql<number>`count(*)::int` })
    .from(sql`${schema.cases} left join lateral unnest(${schema.cases.themes}) as theme on true`)
    .where(and(between(schema.cases.createdAt), themeOfCase, ownedCase))
    .groupBy(theme);

  const actions = schema.actions;
  const actionScope = and(
    themeOfCase,
    filters.agencyId ? eq(actions.responsibleAgencyId, filters.agencyId) : undefined,
  );
  const perAgency = await db
    .select({
      agency: schema.agencies.name,
      status: actions.status,
      count: sql<number>`count(*)::int`,
    })
    .from(actions)
    .innerJoin(schema.cases, eq(schema.cases.id, actions.caseId))
    .innerJoin(schema.agencies, eq(schema.agencies.id, actions.responsibleAgencyId))
    .where(and(between(actions.createdAt), actionScope))
    .groupBy(schema.agencies.name, actions.status);

  const [daysToDone] = await db
    .select({
      median: sql<
        number | null
      >`percentile_cont(0.5) within group (order by extract(epoch from ${actions.statusChangedAt} - ${actions.createdAt}) / 86400)`,
      count: sql<number>`count(*)::int`,
    })
    .from(actions)
    .innerJoin(schema.cases, eq(schema.cases.id, actions.caseId))
    .where(
      and(
        eq(actions.status, "done"),
        sql`${actions.statusChangedAt} is not null`,
        between(actions.createdAt),
        actionScope,
      ),
    );

  // Due in the period and already past: late if still pending, or marked done after the day.
  const [overdue] = await db
    .select({
      overdue: sql<number>`(count(*) filter (where ${inArray(actions.status, ["open", "in_progress"])} or (${actions.status} = 'done' and (${actions.statusChangedAt} at time zone 'UTC')::date > ${actions.dueDate})))::int`,
      count: sql<number>`count(*)::int`,
    })
    .from(actions)
    .innerJoin(schema.cases, eq(schema.cases.id, actions.caseId))
    .where(
      and(
        sql`${actions.status} <> 'cancelled'`,
        sql`${actions.dueDate} >= ${isoDay(start)}::date`,
        sql`${actions.dueDate} < ${isoDay(end)}::date`,
        sql`${actions.dueDate} < ${today}::date`,
        actionScope,
      ),
    );

  const reviews = schema.actionReviews;
  const [reviewCounts] = await db
    .select({
      notPossible: sql<number>`(count(*) filter (where ${reviews.outcome} = 'not_possible'))::int`,
      count: sql<number>`count(*)::int`,
    })
    .from(reviews)
    .innerJoin(actions, eq(actions.id, reviews.actionId))
    .innerJoin(schema.cases, eq(schema.cases.id, actions.caseId))
    .where(and(between(reviews.reviewedAt), actionScope));

  const checklists = schema.pathwayChecklists;
  const statuses = schema.pathwayStatuses;
  const templates = schema.pathwayTemplates;
  const outcome = sql<PathwayOutcome>`case
    when count(*) filter (where ${statuses.status} = 'not_met') > 0 then 'some_not_met'
    when count(*) filter (where ${statuses.status} in ('met', 'not_applicable'))
      >= jsonb_array_length(${templates.prerequisites}) then 'all_met'
    else 'open' end`;
  const pathwayChecklists = await db
    .select({ pathway: templates.titleDe, outcome })
    .from(checklists)
    .innerJoin(schema.cases, eq(schema.cases.id, checklists.caseId))
    .innerJoin(templates, eq(templates.id, checklists.templateId))
    .leftJoin(statuses, eq(statuses.checklistId, checklists.id))
    .where(and(between(checklists.createdAt), themeOfCase, ownedCase))
    .groupBy(checklists.id, templates.titleDe, templates.prerequisites);

  return {
    pathwayChecklists,
    conferencesPerMonth: new Map(perMonth.map((row) => [row.month, row.count])),
    casesPerTheme: new Map(perTheme.map((row) => [row.theme, row.count])),
    deletedCasesPerTheme: await countDeletedCases(db, filters),
    actionsPerAgency: perAgency,
    conferencesPerCase: perCase.map((row) => row.count),
    daysToDone: {
      median: daysToDone?.median === null ? null : Number(daysToDone?.median),
      count: daysToDone?.count ?? 0,
    },
    overdue: { overdue: overdue?.overdue ?? 0, count: overdue?.count ?? 0 },
    reviews: { notPossible: reviewCounts?.notPossible ?? 0, count: reviewCounts?.count ?? 0 },
  };
}

const isoDay = (instant: Date) => instant.toISOString().slice(0, 10);

/**
 * Deleted cases survive only as counts per year of closing, theme and kind of owning
 * agency (evaluation_counts). They can join the cases per theme only where that is
 * what was asked: whole calendar years, no agency and no theme chosen. Otherwise null.
 */
async function countDeletedCases(
  db: Executor,
  filters: TEvaluationFilters,
): Promise<Map<string, number> | null> {
  if (filters.agencyId || filters.theme) return null;
  const firstYear = Number(filters.from.slice(0, 4)) + (filters.from.endsWith("-01") ? 0 : 1);
  const lastYear = Number(filters.to.slice(0, 4)) - (filters.to.endsWith("-12") ? 0 : 1);
  if (lastYear < firstYear) return null;
  const counts = schema.evaluationCounts;
  const rows = await db
    .select({ theme: counts.theme, cases: sql<number>`sum(${counts.cases})::int` })
    .from(counts)
    .where(and(gte(counts.year, firstYear), lt(counts.year, lastYear + 1)))
    .groupBy(counts.theme);
  return new Map(rows.map((row) => [row.theme, row.cases]));
}
