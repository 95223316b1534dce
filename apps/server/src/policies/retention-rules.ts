import type { Env } from "../env.ts";
import type { CaseAccess } from "./case-access.ts";

/** Retention periods per record type (docs/retention.md); configured through the environment. */
export interface RetentionRules {
  closedCaseDays: number;
  endedSessionDays: number;
}

const DAY_MS = 86_400_000;

/** A closed case is due once its retention period after closing has passed; open cases never are. */
export function isCaseExpired(
  caseRow: { status: string; closedAt: Date | null },
  rules: RetentionRules,
  now: Date,
): boolean {
  if (caseRow.status !== "closed" || caseRow.closedAt === null) return false;
  return caseRow.closedAt.getTime() + rules.closedCaseDays * DAY_MS <= now.getTime();
}

/** The latest instant a case may have been closed at to be due for deletion now. */
export const closedBeforeForDeletion = (rules: RetentionRules, now: Date) =>
  new Date(now.getTime() - rules.closedCaseDays * DAY_MS);

/** Anything under an active dispute (restriction of processing) must not be deleted. */
export const mayDeleteDespiteDisputes = (activeDisputeCount: number) => activeDisputeCount === 0;

/**
 * Restriction is exercised through the agency that owns the case: only it
 * knows who the person is and can judge the request.
 */
export const canMarkDisputed = (access: CaseAccess) => access.isOwner;

/** The periods this installation is configured with. */
export const retentionRulesFrom = (
  env: Pick<Env, "RETENTION_CLOSED_CASE_DAYS" | "RETENTION_ENDED_SESSION_DAYS">,
): RetentionRules => ({
  closedCaseDays: env.RETENTION_CLOSED_CASE_DAYS,
  endedSessionDays: env.RETENTION_ENDED_SESSION_DAYS,
});
