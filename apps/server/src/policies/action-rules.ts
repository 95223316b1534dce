import type { CaseAccess } from "./case-access.ts";

/** The responsible agency and the owning agency change an action; every other agency with access comments. */
export function canEditAction(
  agencyId: string,
  action: { responsibleAgencyId: string },
  access: CaseAccess,
): boolean {
  return access.isOwner || action.responsibleAgencyId === agencyId;
}

export const canCommentOnAction = (access: CaseAccess | null) => access !== null;
