import type { TLiveEvent } from "@runder-tisch/contracts";
import type { QueryKey } from "@tanstack/react-query";
import { queryKeys } from "../api/query-keys.ts";

/**
 * Which queries a live event makes stale: only those whose answer it can have changed.
 * Keys nest, so a key here also covers what lies under it (an action's comments and
 * history under the action); React Query refetches the ones a page shows and marks the
 * others stale.
 */
export function queriesChangedBy(event: TLiveEvent): QueryKey[] {
  switch (event.kind) {
    case "notification.created":
      // Carries nothing but "something new for you": the bell and the list ask again, and
      // so does the list of requests to my agency (a new request comes as a notification).
      return [queryKeys.notifications, queryKeys.incomingReferrals];
    case "conference.changed":
      return [
        queryKeys.conferenceLists,
        queryKeys.conference(event.conferenceId),
        queryKeys.caseConferences(event.caseId),
      ];
    case "case.access_changed":
      // Lists and the case page ask again: the agency that lost access gets "not found",
      // the owner sees which actions need a new owner. An open conference room is closed
      // by its own channel, with the reason.
      return [
        queryKeys.inbox,
        queryKeys.cases,
        queryKeys.conferenceLists,
        queryKeys.case(event.caseId),
      ];
    case "systemic_action.changed":
      // Names no case: my agency's systemic actions and the groups' pages ask again.
      return [queryKeys.systemicInbox, queryKeys.workingGroups];
    default:
      return [
        queryKeys.inbox,
        queryKeys.action(event.actionId),
        queryKeys.caseActions(event.caseId),
        queryKeys.caseReviews(event.caseId),
      ];
  }
}
