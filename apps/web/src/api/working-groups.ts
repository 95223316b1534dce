import {
  type TCreateSystemicActionRequest,
  type TCreateWorkingGroupMeetingRequest,
  type TCreateWorkingGroupRequest,
  type TSetSystemicActionStatusRequest,
  type TUpdateWorkingGroupTopicRequest,
  ZSystemicAction,
  ZSystemicInbox,
  ZWorkingGroupDetail,
  ZWorkingGroupList,
  ZWorkingGroupMeeting,
  ZWorkingGroupMeetingDetail,
} from "@runder-tisch/contracts";
import { apiRequest } from "./client.ts";

// The working groups' pages, their meeting rooms (docs/working-groups.md), and the inbox's
// tasks from working groups, which load only with the inbox's lazy section.

export const fetchWorkingGroups = () =>
  apiRequest("/api/working-groups", { schema: ZWorkingGroupList });

export const createWorkingGroup = (body: TCreateWorkingGroupRequest) =>
  apiRequest("/api/working-groups", { method: "POST", body, schema: ZWorkingGroupDetail });

export const fetchWorkingGroup = (id: string) =>
  apiRequest(`/api/working-groups/${id}`, { schema: ZWorkingGroupDetail });

export const addWorkingGroupMember = (id: string, userId: string) =>
  apiRequest(`/api/working-groups/${id}/members`, {
    method: "POST",
    body: { userId },
    schema: ZWorkingGroupDetail,
  });

export const removeWorkingGroupMember = (id: string, userId: string) =>
  apiRequest(`/api/working-groups/${id}/members/${userId}`, {
    method: "DELETE",
    schema: ZWorkingGroupDetail,
  });

export const assignWorkingGroupTopic = (id: string, topicId: string) =>
  apiRequest(`/api/working-groups/${id}/topics`, {
    method: "POST",
    body: { topicId },
    schema: ZWorkingGroupDetail,
  });

export const updateWorkingGroupTopic = (
  id: string,
  topicId: string,
  body: TUpdateWorkingGroupTopicRequest,
) =>
  apiRequest(`/api/working-groups/${id}/topics/${topicId}`, {
    method: "PUT",
    body,
    schema: ZWorkingGroupDetail,
  });

export const createWorkingGroupMeeting = (id: string, body: TCreateWorkingGroupMeetingRequest) =>
  apiRequest(`/api/working-groups/${id}/meetings`, {
    method: "POST",
    body,
    schema: ZWorkingGroupMeeting,
  });

export const fetchWorkingGroupMeeting = (meetingId: string) =>
  apiRequest(`/api/working-group-meetings/${meetingId}`, { schema: ZWorkingGroupMeetingDetail });

export const closeWorkingGroupMeeting = (meetingId: string) =>
  apiRequest(`/api/working-group-meetings/${meetingId}/close`, {
    method: "POST",
    schema: ZWorkingGroupMeeting,
  });

export const createSystemicAction = (id: string, body: TCreateSystemicActionRequest) =>
  apiRequest(`/api/working-groups/${id}/actions`, {
    method: "POST",
    body,
    schema: ZSystemicAction,
  });

export const setSystemicActionStatus = (id: string, body: TSetSystemicActionStatusRequest) =>
  apiRequest(`/api/systemic-actions/${id}/status`, {
    method: "PUT",
    body,
    schema: ZSystemicAction,
  });

export const fetchSystemicInbox = () =>
  apiRequest("/api/inbox/systemic-actions", { schema: ZSystemicInbox });
