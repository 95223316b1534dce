import type { CaseAccess } from "./case-access.ts";

/**
 * The owner sees every basis and release of its case. A receiving agency sees
 * only its own, so it does not learn which other agencies are involved.
 * Returns the one agency to limit the records to, or null for all of them.
 */
export function limitSharingRecordsTo(agencyId: string, access: CaseAccess): string | null {
  return access.isOwner ? null : agencyId;
}

export type ReceiverRefusal = "agency_unknown" | "agency_inactive" | "agency_is_owner";

/** Why an agency may not be named as a receiver of the case, or null when it may. */
export function whyAgencyCannotReceive(
  caseRow: { ownerAgencyId: string },
  agency: { id: string; active: boolean } | undefined,
): ReceiverRefusal | null {
  if (!agency) return "agency_unknown";
  if (!agency.active) return "agency_inactive";
  if (agency.id === caseRow.ownerAgencyId) return "agency_is_owner";
  return null;
}
