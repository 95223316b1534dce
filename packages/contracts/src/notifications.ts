import { z } from "zod";
import { ZCaseCode, ZId, ZIsoDateTime } from "./common.ts";
import { NOTIFICATION_KINDS } from "./vocabulary.ts";

export const ZNotificationKind = z.enum(NOTIFICATION_KINDS);
export type TNotificationKind = z.infer<typeof ZNotificationKind>;

/** Newest first; `before` is the `nextCursor` of the previous page. */
export const ZNotificationsQuery = z.object({
  before: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z_[0-9a-f-]{36}$/)
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
export type TNotificationsQuery = z.input<typeof ZNotificationsQuery>;

/**
 * One notification: what happened, by kind and ids. `label` is the action's or the
 * conference's title, which every agency that may see the case sees anyway; the words
 * around it are the web app's.
 */
export const ZNotification = z.object({
  id: ZId,
  kind: ZNotificationKind,
  createdAt: ZIsoDateTime,
  read: z.boolean(),
  caseId: ZId.nullable(),
  caseCode: ZCaseCode.nullable(),
  conferenceId: ZId.nullable(),
  actionId: ZId.nullable(),
  label: z.string().nullable(),
});
export type TNotification = z.infer<typeof ZNotification>;

export const ZNotificationsResponse = z.object({
  notifications: z.array(ZNotification),
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type TNotificationsResponse = z.infer<typeof ZNotificationsResponse>;

export const ZUnreadCountResponse = z.object({ unread: z.number().int().min(0) });
export type TUnreadCountResponse = z.infer<typeof ZUnreadCountResponse>;

export const ZMarkAllReadResponse = z.object({ marked: z.number().int().min(0) });
export type TMarkAllReadResponse = z.infer<typeof ZMarkAllReadResponse>;
