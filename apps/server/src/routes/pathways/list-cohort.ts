import {
  PATHWAY_COHORT_PAGE_SIZE,
  type TPathwayCohortEntry,
  type TPathwayCohortResponse,
} from "@runder-tisch/contracts";
import { type Executor, schema } from "@runder-tisch/db";
import { and, asc, desc, eq, gte, sql } from "drizzle-orm";
import { caseVisibleTo } from "../../policies/case-access.ts";

/**
 * The checklists of the open cases an immigration office may see, closest to their
 * pathway first (fewest applicable prerequisites still to meet, then most met), one
 * page at a time. One grouped query: counts per checklist, the total beside each row.
 */
export async function listCohort(
  db: Executor,
  agencyId: string,
  filter: { pathway?: string | undefined; minMet: number; page: number },
): Promise<TPathwayCohortResponse> {
  const checklist = schema.pathwayChecklists;
  const status = schema.pathwayStatuses;
  const template = schema.pathwayTemplates;
  const counted = (value: string) =>
    sql<number>`(count(${status.status}) filter (where ${status.status} = ${value}))::int`;
  const met = counted("met");
  const applicable = sql<number>`(jsonb_array_length(${template.prerequisites}) - ${counted("not_applicable")})::int`;
  const selectPage = (limit: number, offset: number) =>
    db
      .select({
        caseId: schema.cases.id,
        caseCode: schema.cases.code,
        checklistId: checklist.id,
        pathwayKey: checklist.pathwayKey,
        norm: template.norm,
        metCount: met,
        notMetCount: counted("not_met"),
        unclearCount: counted("unclear"),
        applicableCount: applicable,
        lastChangedAt: sql<Date>`greatest(${checklist.createdAt}, max(${status.setAt}))`.mapWith(
          (value: string | Date) => new Date(value),
        ),
        total: sql<number>`(count(*) over ())::int`,
      })
      .from(checklist)
      .innerJoin(schema.cases, eq(schema.cases.id, checklist.caseId))
      .innerJoin(template, eq(template.id, checklist.templateId))
      .leftJoin(status, eq(status.checklistId, checklist.id))
      .where(
        and(
          caseVisibleTo(agencyId),
          eq(schema.cases.status, "open"),
          filter.pathway ? eq(checklist.pathwayKey, filter.pathway) : undefined,
        ),
      )
      .groupBy(schema.cases.id, checklist.id, template.id)
      .having(gte(met, filter.minMet))
      .orderBy(
        sql`${applicable} - ${met}`,
        desc(met),
        asc(schema.cases.code),
        asc(checklist.pathwayKey),
      )
      .limit(limit)
      .offset(offset);
  const rows = await selectPage(
    PATHWAY_COHORT_PAGE_SIZE,
    (filter.page - 1) * PATHWAY_COHORT_PAGE_SIZE,
  );
  // Past the last page the window count has no row to ride on; ask for the first row alone.
  const [first] = rows.length > 0 || filter.page === 1 ? rows : await selectPage(1, 0);
  const entries: TPathwayCohortEntry[] = rows.map(({ total: _total, lastChangedAt, ...row }) => ({
    ...row,
    lastChangedAt: lastChangedAt.toISOString(),
  }));
  return {
    entries,
    page: filter.page,
    pageSize: PATHWAY_COHORT_PAGE_SIZE,
    total: first?.total ?? 0,
  };
}
