import {
  type TCreateCommentRequest,
  type TUpdateActionRequest,
  ZAction,
  ZActionComment,
  ZActionCommentListResponse,
  ZActionHistoryResponse,
  ZOkResponse,
} from "@runder-tisch/contracts";
import { apiRequest } from "./client.ts";

// Every page: the action card (inbox, case page) changes an action and shows its comments.

export const fetchAction = (id: string) => apiRequest(`/api/actions/${id}`, { schema: ZAction });

export const updateAction = (id: string, body: TUpdateActionRequest) =>
  apiRequest(`/api/actions/${id}`, { method: "PATCH", body, schema: ZAction });

export const fetchActionComments = (id: string) =>
  apiRequest(`/api/actions/${id}/comments`, { schema: ZActionCommentListResponse });

export const addComment = (id: string, body: TCreateCommentRequest) =>
  apiRequest(`/api/actions/${id}/comments`, { method: "POST", body, schema: ZActionComment });

export const withdrawComment = (id: string) =>
  apiRequest(`/api/action-comments/${id}/withdraw`, { method: "POST", schema: ZOkResponse });

export const fetchActionHistory = (id: string) =>
  apiRequest(`/api/actions/${id}/history`, { schema: ZActionHistoryResponse });
