import type { DomainEvent } from "../../events/domain-events.ts";
import type { ActionRow } from "./find-action.ts";

export type ActionEventKind = "action.created" | "action.changed" | "action.commented";
export type ActionDomainEvent = Extract<DomainEvent, { kind: ActionEventKind }>;
export type ActionWriteChannel = ActionDomainEvent["writtenVia"];

/** The announcement for listeners (inboxes, the conference document); publish it after commit. */
export function describeActionEvent(
  kind: ActionEventKind,
  action: ActionRow,
  actorUserId: string,
  options: {
    writtenVia: ActionWriteChannel;
    previous?: { agencyId: string; userId: string | null };
    notifiedUserIds?: string[];
  },
): ActionDomainEvent {
  const { previous } = options;
  const reassigned =
    previous !== undefined &&
    (previous.agencyId !== action.responsibleAgencyId ||
      previous.userId !== action.responsibleUserId);
  return {
    kind,
    actionId: action.id,
    caseId: action.caseId,
    conferenceId: action.conferenceId,
    responsibleAgencyId: action.responsibleAgencyId,
    responsibleUserId: action.responsibleUserId,
    ...(reassigned ? { previousAgencyId: previous.agencyId, previousUserId: previous.userId } : {}),
    actorUserId,
    writtenVia: options.writtenVia,
    ...(options.notifiedUserIds?.length ? { notifiedUserIds: options.notifiedUserIds } : {}),
  };
}
