import type { CaseAccess } from "./case-access.ts";

/**
 * The owner sees every basis and release of its case. A receiving agency sees
 * only its own, so it does not learn which other agencies are involved.
 * Returns the one agency to limit the records to, or null for all of them.
 */
export function limitSharingRecordsTo(agencyId: string, access: CaseAccess): string | null {
  return access.isOwner ? null : agencyId;
}

/** Why an agency may not be named as a receiver of the case, or null when it may. */
export function whyAgencyCannotReceive(
  caseRow: { ownerAgencyId: string },
  agency: { id: string; active: boolean } | undefined,
): string | null {
  if (!agency) return "No agency with this id exists";
  if (!agency.active) return "This agency is deactivated and cannot receive case data";
  if (agency.id === caseRow.ownerAgencyId) {
    return "The owning agency already sees the case; name another agency";
  }
  return null;
}
