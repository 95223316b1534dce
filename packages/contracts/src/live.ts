import { z } from "zod";
import { ZId } from "./common.ts";
import { ZConferenceStatus } from "./enums.ts";

/** Kinds of message on the live event stream (GET /api/events), also its SSE event names. */
export const LIVE_EVENT_KINDS = [
  "action.created",
  "action.changed",
  "action.commented",
  "conference.changed",
  "case.access_changed",
  "notification.created",
  "systemic_action.changed",
] as const;

const ZLiveActionEvent = z.object({
  kind: z.enum(["action.created", "action.changed", "action.commented"]),
  actionId: ZId,
  caseId: ZId,
  conferenceId: ZId.nullable(),
});

const ZLiveConferenceEvent = z.object({
  kind: z.literal("conference.changed"),
  conferenceId: ZId,
  caseId: ZId,
  status: ZConferenceStatus,
});

/**
 * An agency lost its access to a case: its pages drop the case, and the owning
 * agency's inbox shows the actions that now need a new owner.
 */
const ZLiveAccessEvent = z.object({
  kind: z.literal("case.access_changed"),
  caseId: ZId,
});

/** Something new for the person on this stream: their unread count changed (no content). */
const ZLiveNotificationEvent = z.object({ kind: z.literal("notification.created") });

/** A working group's action for my agency, or of my group, changed: the lists ask again. */
const ZLiveSystemicActionEvent = z.object({ kind: z.literal("systemic_action.changed") });

/**
 * One message of the live event stream: what changed, by id only. The browser
 * re-reads the details through the API, under the access rule of that moment.
 */
export const ZLiveEvent = z.discriminatedUnion("kind", [
  ZLiveActionEvent,
  ZLiveConferenceEvent,
  ZLiveAccessEvent,
  ZLiveNotificationEvent,
  ZLiveSystemicActionEvent,
]);
export type TLiveEvent = z.infer<typeof ZLiveEvent>;
