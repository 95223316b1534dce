import { isActionPending, type TAction } from "@runder-tisch/contracts";
import { canEditAction } from "../../policies/action-rules.ts";
import type { PresentableActionRow } from "./action-query.ts";

/**
 * What of an action leaves the server for one reading agency. Only rows of cases
 * the agency may see reach this function; `canEdit` tells the UI whether to offer
 * changes or only comments.
 */
export function presentAction(row: PresentableActionRow, readerAgencyId: string): TAction {
  const { action } = row;
  // The edit rule only looks at ownership; special-category access plays no part in it.
  const access = { isOwner: row.caseOwnerAgencyId === readerAgencyId, specialCategory: false };
  return {
    id: action.id,
    caseId: action.caseId,
    caseCode: row.caseCode,
    conferenceId: action.conferenceId,
    conference: row.conference
      ? { title: row.conference.title, scheduledAt: row.conference.scheduledAt.toISOString() }
      : null,
    title: action.title,
    description: action.description,
    responsibleAgency: row.responsibleAgency,
    responsiblePerson: row.responsiblePerson,
    dueDate: action.dueDate,
    status: action.status,
    statusChangedAt: action.statusChangedAt?.toISOString() ?? null,
    statusChangedBy: row.statusChangedBy,
    createdAt: action.createdAt.toISOString(),
    updatedAt: action.updatedAt.toISOString(),
    version: action.version,
    commentCount: action.commentCount,
    canEdit: canEditAction(readerAgencyId, action, access),
    needsNewOwner: isActionPending(action.status) && !row.responsibleSeesCase,
  };
}
