import { z } from "zod";
import { text, trimmedText, ZAgencyRef, ZId, ZIsoDate, ZIsoDateTime, ZUserRef } from "./common.ts";
import { ZActionStatus, ZCaseTheme } from "./enums.ts";
import { ZSteeringTopicState } from "./steering.ts";
import {
  TEXT_LIMITS,
  WORKING_GROUP_MEETING_STATES,
  WORKING_GROUP_TOPIC_PROGRESS,
} from "./vocabulary.ts";

/*
 * Working groups (AG) of the Kreis: people of several agencies the steering group names,
 * working on topics it gave them, in meetings with a live document of their own that
 * holds no client data, and with systemic actions (not bound to any case) that land in
 * the owning agency's inbox (docs/working-groups.md).
 */

export const ZWorkingGroupTopicProgress = z.enum(WORKING_GROUP_TOPIC_PROGRESS);
export type TWorkingGroupTopicProgress = z.infer<typeof ZWorkingGroupTopicProgress>;
export const ZWorkingGroupMeetingState = z.enum(WORKING_GROUP_MEETING_STATES);

export const ZWorkingGroupSummary = z.object({
  id: ZId,
  name: z.string(),
  purpose: z.string(),
  memberCount: z.number().int(),
  /** Whether the signed-in person is a member (steering-group members see every group). */
  member: z.boolean(),
  createdAt: ZIsoDateTime,
});
export type TWorkingGroupSummary = z.infer<typeof ZWorkingGroupSummary>;

export const ZWorkingGroupList = z.object({
  groups: z.array(ZWorkingGroupSummary),
  /** Steering-group members may found groups and name their members. */
  canManage: z.boolean(),
});
export type TWorkingGroupList = z.infer<typeof ZWorkingGroupList>;

export const ZWorkingGroupMember = z.object({ user: ZUserRef, agency: ZAgencyRef });

export const ZWorkingGroupTopic = z.object({
  topicId: ZId,
  title: z.string(),
  theme: ZCaseTheme,
  description: z.string(),
  state: ZSteeringTopicState,
  progress: ZWorkingGroupTopicProgress,
  /** What the group found or proposes; goes into the Handlungskonzept. */
  result: z.string().nullable(),
  updatedAt: ZIsoDateTime,
});
export type TWorkingGroupTopic = z.infer<typeof ZWorkingGroupTopic>;

export const ZWorkingGroupMeeting = z.object({
  id: ZId,
  workingGroupId: ZId,
  title: z.string(),
  startsAt: ZIsoDateTime,
  state: ZWorkingGroupMeetingState,
  closedAt: ZIsoDateTime.nullable(),
  /** The notes as Markdown, kept when the meeting closed; null while it is open. */
  notes: z.string().nullable(),
});
export type TWorkingGroupMeeting = z.infer<typeof ZWorkingGroupMeeting>;

/** A systemic action: work for an agency that follows from a working group, not from a case. */
export const ZSystemicAction = z.object({
  id: ZId,
  workingGroup: z.object({ id: ZId, name: z.string() }),
  topicId: ZId.nullable(),
  text: z.string(),
  ownerAgency: ZAgencyRef,
  dueDate: ZIsoDate.nullable(),
  status: ZActionStatus,
  createdBy: ZUserRef.nullable(),
  createdAt: ZIsoDateTime,
  updatedAt: ZIsoDateTime,
});
export type TSystemicAction = z.infer<typeof ZSystemicAction>;

export const ZWorkingGroupDetail = z.object({
  id: ZId,
  name: z.string(),
  purpose: z.string(),
  createdAt: ZIsoDateTime,
  member: z.boolean(),
  canManage: z.boolean(),
  members: z.array(ZWorkingGroupMember),
  topics: z.array(ZWorkingGroupTopic),
  meetings: z.array(ZWorkingGroupMeeting),
  actions: z.array(ZSystemicAction),
});
export type TWorkingGroupDetail = z.infer<typeof ZWorkingGroupDetail>;

export const ZCreateWorkingGroupRequest = z.object({
  name: trimmedText(TEXT_LIMITS.name),
  purpose: text(TEXT_LIMITS.longText).default(""),
});
export type TCreateWorkingGroupRequest = z.input<typeof ZCreateWorkingGroupRequest>;

export const ZAddWorkingGroupMemberRequest = z.object({ userId: ZId });
export const ZWorkingGroupMemberParams = z.object({ id: ZId, userId: ZId });

/** The steering group gives one of its topics to a working group. */
export const ZAssignTopicRequest = z.object({ topicId: ZId });
export const ZWorkingGroupTopicParams = z.object({ id: ZId, topicId: ZId });

export const ZUpdateWorkingGroupTopicRequest = z.object({
  progress: ZWorkingGroupTopicProgress,
  result: text(TEXT_LIMITS.longText).nullable(),
});
export type TUpdateWorkingGroupTopicRequest = z.infer<typeof ZUpdateWorkingGroupTopicRequest>;

export const ZCreateWorkingGroupMeetingRequest = z.object({
  title: trimmedText(TEXT_LIMITS.name),
  startsAt: ZIsoDateTime,
});
export type TCreateWorkingGroupMeetingRequest = z.infer<typeof ZCreateWorkingGroupMeetingRequest>;

/** A meeting as its room needs it: which group, and whether its document is still open. */
export const ZWorkingGroupMeetingDetail = ZWorkingGroupMeeting.extend({
  workingGroupName: z.string(),
});
export type TWorkingGroupMeetingDetail = z.infer<typeof ZWorkingGroupMeetingDetail>;

export const ZCreateSystemicActionRequest = z.object({
  text: trimmedText(TEXT_LIMITS.actionTitle),
  ownerAgencyId: ZId,
  dueDate: ZIsoDate.nullable().default(null),
  topicId: ZId.nullable().default(null),
});
export type TCreateSystemicActionRequest = z.input<typeof ZCreateSystemicActionRequest>;

export const ZSetSystemicActionStatusRequest = z.object({ status: ZActionStatus });
export type TSetSystemicActionStatusRequest = z.infer<typeof ZSetSystemicActionStatusRequest>;

/** My agency's systemic actions, for the inbox. */
export const ZSystemicInbox = z.object({ actions: z.array(ZSystemicAction) });
export type TSystemicInbox = z.infer<typeof ZSystemicInbox>;
