import type { RequestAuditEntry } from "../../audit/audit-trail.ts";
import type { FinaliseResult } from "../../domain/minutes/finalise-conference.ts";
import type { ConferenceRow } from "../../policies/conference-access.ts";

/**
 * What finalising leaves in the audit trail: the status change and the new
 * minutes version. The override reason stays in the minutes; the trail keeps no
 * free text about the person, only that and what kind of findings were overridden.
 */
export function describeFinalising(
  before: ConferenceRow,
  { minutes, findings, dismissed, followUp }: FinaliseResult,
): RequestAuditEntry[] {
  const about = { targetId: before.id, caseId: before.caseId };
  const planned: RequestAuditEntry[] = followUp
    ? [
        {
          action: "create",
          targetType: "conference",
          targetId: followUp.id,
          caseId: before.caseId,
          detail: {
            followsConferenceId: before.id,
            scheduledAt: followUp.scheduledAt.toISOString(),
          },
        },
      ]
    : [];
  return [
    {
      action: "change",
      targetType: "conference",
      ...about,
      detail: { status: { from: before.status, to: "finalised" } },
    },
    {
      action: "create",
      targetType: "minutes",
      targetId: minutes.id,
      caseId: before.caseId,
      detail: {
        conferenceId: before.id,
        version: minutes.version,
        hash: minutes.contentHash,
        ...(findings.length > 0
          ? {
              piiGuardOverridden: true,
              findingCount: findings.length,
              findingKinds: [...new Set(findings.map((finding) => finding.kind))].sort(),
            }
          : {}),
        // Who dismissed what and why stays in the document (case data): the text and the
        // reason may name someone, and the trail keeps no free text.
        ...(dismissed.length > 0
          ? {
              piiDismissedCount: dismissed.length,
              piiDismissedKinds: [...new Set(dismissed.map((entry) => entry.kind))].sort(),
            }
          : {}),
      },
    },
    ...planned,
  ];
}
