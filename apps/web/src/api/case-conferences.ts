import {
  type TCreateConferenceRequest,
  type TUpdateConferenceRequest,
  ZActionListResponse,
  ZConference,
  ZConferenceListResponse,
} from "@runder-tisch/contracts";
import { apiRequest } from "./client.ts";

// The case page and the conference room: a case's conferences and actions, and planning them.

export const fetchCaseConferences = (caseId: string) =>
  apiRequest(`/api/cases/${caseId}/conferences`, { schema: ZConferenceListResponse });

export const createConference = (caseId: string, body: TCreateConferenceRequest) =>
  apiRequest(`/api/cases/${caseId}/conferences`, { method: "POST", body, schema: ZConference });

export const updateConference = (id: string, body: TUpdateConferenceRequest) =>
  apiRequest(`/api/conferences/${id}`, { method: "PATCH", body, schema: ZConference });

export const fetchCaseActions = (caseId: string) =>
  apiRequest(`/api/cases/${caseId}/actions`, { schema: ZActionListResponse });
