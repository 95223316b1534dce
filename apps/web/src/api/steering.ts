import {
  type TCreateSteeringTopicRequest,
  type TSetSteeringTopicStateRequest,
  type TSteeringThemesQuery,
  ZOkResponse,
  ZSteeringMemberList,
  ZSteeringThemesResponse,
  ZSteeringTopic,
  ZSteeringTopicList,
} from "@runder-tisch/contracts";
import { apiRequest } from "./client.ts";

// The steering group's page, and the administration's list of its members.

export const fetchSteeringThemes = (query: TSteeringThemesQuery) =>
  apiRequest("/api/steering/themes", { query, schema: ZSteeringThemesResponse });

export const fetchSteeringTopics = () =>
  apiRequest("/api/steering/topics", { schema: ZSteeringTopicList });

export const createSteeringTopic = (body: TCreateSteeringTopicRequest) =>
  apiRequest("/api/steering/topics", { method: "POST", body, schema: ZSteeringTopic });

export const setSteeringTopicState = (id: string, body: TSetSteeringTopicStateRequest) =>
  apiRequest(`/api/steering/topics/${id}/state`, { method: "PUT", body, schema: ZSteeringTopic });

export const recordSteeringDecision = (id: string, text: string) =>
  apiRequest(`/api/steering/topics/${id}/decisions`, {
    method: "POST",
    body: { text },
    schema: ZSteeringTopic,
  });

export const fetchSteeringMembers = () =>
  apiRequest("/api/steering/members", { schema: ZSteeringMemberList });

export const addSteeringMember = (userId: string) =>
  apiRequest("/api/steering/members", {
    method: "POST",
    body: { userId },
    schema: ZSteeringMemberList,
  });

export const removeSteeringMember = (userId: string) =>
  apiRequest(`/api/steering/members/${userId}`, {
    method: "DELETE",
    schema: ZOkResponse,
  });
