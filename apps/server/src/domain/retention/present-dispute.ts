import type { TDispute } from "@runder-tisch/contracts";
import type { schema } from "@runder-tisch/db";

/** A dispute mark as agencies see it; `raisedBy` carries the agency, never the person. */
export function presentDispute(
  row: schema.DisputeRow,
  agencyNames: ReadonlyMap<string, string>,
): TDispute {
  return {
    id: row.id,
    caseId: row.caseId,
    targetType: row.targetType,
    targetId: row.targetId,
    reason: row.reason,
    raisedBy: row.raisedByAgencyId
      ? { id: row.raisedByAgencyId, name: agencyNames.get(row.raisedByAgencyId) ?? "" }
      : null,
    raisedAt: row.createdAt.toISOString(),
    liftedAt: row.liftedAt?.toISOString() ?? null,
    liftNote: row.liftNote,
  };
}
