import { z } from "zod";
import { ZId } from "./common.ts";
import { ZCaseTheme } from "./enums.ts";
import { withReason } from "./problems.ts";

/*
 * The evaluation for the steering group (docs/evaluation.md): counts, medians and
 * rates over whole months, every small count withheld. A withheld value is null.
 */

/** The longest period one evaluation covers, in months (five years). */
export const EVALUATION_MAX_MONTHS = 60;

/** A calendar month, `YYYY-MM`; shorter periods are not offered. */
export const ZEvaluationMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

/** Months from `from` to `to`, both included (0 or less when `to` is earlier). */
export function monthsBetween(from: string, to: string): number {
  const index = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7));
  return index(to) - index(from) + 1;
}

export const ZEvaluationQuery = z
  .object({
    from: ZEvaluationMonth,
    to: ZEvaluationMonth,
    /** Only cases this agency owns, and actions it is responsible for. */
    agencyId: ZId.optional(),
    /** Only cases that name this theme. */
    theme: ZCaseTheme.optional(),
    /** The smallest count shown; the server's setting is the least it accepts and the default. */
    k: z.coerce.number().int().min(1).max(100).optional(),
  })
  .refine(
    (query) => monthsBetween(query.from, query.to) >= 1,
    withReason("The period ends before it starts", "period_ends_before_start", ["to"]),
  )
  .refine(
    (query) => monthsBetween(query.from, query.to) <= EVALUATION_MAX_MONTHS,
    withReason(`The period is longer than ${EVALUATION_MAX_MONTHS} months`, "period_too_long", [
      "to",
    ]),
  );
export type TEvaluationQuery = z.input<typeof ZEvaluationQuery>;
export type TEvaluationFilters = z.output<typeof ZEvaluationQuery>;

/** A count as published: null when it is withheld (above zero and below k, or giving one away). */
export const ZPublishedCount = z.number().int().nonnegative().nullable();

/** A table of counts with its totals, every withheld entry null. */
export const ZEvaluationTable = z.object({
  rows: z.array(z.string()),
  columns: z.array(z.string()),
  cells: z.array(z.array(ZPublishedCount)),
  rowTotals: z.array(ZPublishedCount),
  columnTotals: z.array(ZPublishedCount),
  total: ZPublishedCount,
});
export type TEvaluationTable = z.infer<typeof ZEvaluationTable>;

/** A median or rate and how many items it rests on; both null below k. */
export const ZEvaluationFigure = z.object({
  value: z.number().nullable(),
  basedOn: ZPublishedCount,
});
export type TEvaluationFigure = z.infer<typeof ZEvaluationFigure>;

export const ZEvaluationResponse = z.object({
  from: ZEvaluationMonth,
  to: ZEvaluationMonth,
  agencyId: ZId.nullable(),
  theme: ZCaseTheme.nullable(),
  /** The threshold applied: counts above zero and below it are withheld. */
  k: z.number().int(),
  /** Whether deleted cases (kept only as yearly counts) are in the cases per theme. */
  includesDeletedCases: z.boolean(),
  /** Rows: months; one column: conferences held. */
  conferencesPerMonth: ZEvaluationTable,
  /** Rows: themes; one column: cases opened (a case with two themes counts in both). */
  casesPerTheme: ZEvaluationTable,
  /** Rows: responsible agencies (by name); columns: action statuses. */
  actionsPerAgencyAndStatus: ZEvaluationTable,
  /** Rows: how many conferences a case had in the period (1, 2, 3, 4+); one column: cases. */
  conferencesPerCase: ZEvaluationTable,
  /**
   * Rows: residence pathways (by German title); columns: where their checklists started in
   * the period stand (PATHWAY_OUTCOMES).
   */
  pathwayOutcomes: ZEvaluationTable,
  /** Days from creating an action to marking it done. */
  medianDaysToDone: ZEvaluationFigure,
  /** Share (0 to 1) of actions due in the period that were not done by their due date. */
  overdueRate: ZEvaluationFigure,
  /** Share (0 to 1) of reviews that found an action not possible because circumstances changed. */
  notPossibleShare: ZEvaluationFigure,
});
export type TEvaluationResponse = z.infer<typeof ZEvaluationResponse>;
