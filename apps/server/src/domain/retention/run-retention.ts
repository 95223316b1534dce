import type { TRetentionReport } from "@runder-tisch/contracts";
import { type Executor, schema } from "@runder-tisch/db";
import { and, asc, eq, isNull, lt, or } from "drizzle-orm";
import { recordAudit } from "../../audit/audit-trail.ts";
import {
  closedBeforeForDeletion,
  isCaseExpired,
  mayDeleteDespiteDisputes,
  type RetentionRules,
} from "../../policies/retention-rules.ts";
import { countForEvaluation } from "./count-for-evaluation.ts";
import { deleteCaseCompletely } from "./delete-case-completely.ts";

const DAY_MS = 86_400_000;

/**
 * One pass of the retention job: deletes every case whose period has run out,
 * one transaction per case (a savepoint when `db` is already a transaction, as in the
 * queued job), except cases with an active dispute, which are reported and kept. Safe
 * to run on several nodes at once (row locks). With `until` (epoch ms) it takes no new
 * case after that moment, so a queued run ends well within its job's lease.
 */
export async function runRetention(
  db: Executor,
  now: Date,
  rules: RetentionRules,
  options: { until?: number } = {},
): Promise<TRetentionReport> {
  const report: TRetentionReport = {
    ranAt: now.toISOString(),
    deletedCaseIds: [],
    skipped: [],
    deletedSessions: 0,
  };
  const due = await db
    .select({ id: schema.cases.id })
    .from(schema.cases)
    .where(
      and(
        eq(schema.cases.status, "closed"),
        lt(schema.cases.closedAt, closedBeforeForDeletion(rules, now)),
      ),
    )
    .orderBy(asc(schema.cases.closedAt));
  for (const { id } of due) {
    if (options.until !== undefined && Date.now() >= options.until) break;
    const outcome = await db.transaction(async (tx) => {
      // Locked and checked again: the case may have been reopened or disputed meanwhile.
      const [caseRow] = await tx
        .select()
        .from(schema.cases)
        .where(eq(schema.cases.id, id))
        .for("update", { skipLocked: true });
      if (!caseRow || !isCaseExpired(caseRow, rules, now)) return null;
      const disputes = await tx
        .select({ id: schema.disputes.id })
        .from(schema.disputes)
        .where(and(eq(schema.disputes.caseId, id), isNull(schema.disputes.liftedAt)));
      if (!mayDeleteDespiteDisputes(disputes.length)) {
        return { deleted: false as const, disputeIds: disputes.map((dispute) => dispute.id) };
      }
      await countForEvaluation(tx, caseRow);
      await deleteCaseCompletely(tx, id);
      await recordAudit(tx, {
        action: "delete",
        targetType: "case",
        targetId: id,
        caseId: id,
        detail: { by: "retention", rule: "closed_case", retentionDays: rules.closedCaseDays },
      });
      return { deleted: true as const };
    });
    if (!outcome) continue;
    if (outcome.deleted) {
      report.deletedCaseIds.push(id);
    } else {
      report.skipped.push({ caseId: id, reason: "disputed", disputeIds: outcome.disputeIds });
      await recordAudit(db, {
        action: "denied",
        targetType: "case",
        targetId: id,
        caseId: id,
        detail: { by: "retention", reason: "disputed", disputeIds: outcome.disputeIds },
      });
    }
  }
  report.deletedSessions = await deleteEndedSessions(db, now, rules);
  return report;
}

async function deleteEndedSessions(
  db: Executor,
  now: Date,
  rules: RetentionRules,
): Promise<number> {
  const before = new Date(now.getTime() - rules.endedSessionDays * DAY_MS);
  const deleted = await db
    .delete(schema.sessions)
    .where(or(lt(schema.sessions.expiresAt, before), lt(schema.sessions.revokedAt, before)))
    .returning({ tokenHash: schema.sessions.tokenHash });
  return deleted.length;
}
