import {
  type TCaseListQuery,
  ZCase,
  ZCaseListResponse,
  ZSharingBasisListResponse,
} from "@runder-tisch/contracts";
import { apiRequest } from "./client.ts";

// Every page: the inbox filters by case, and the action card asks a case and its sharing
// bases who may be made responsible. What only the case pages do is in case-records.ts.

export const fetchCases = (query: TCaseListQuery) =>
  apiRequest("/api/cases", { query, schema: ZCaseListResponse });

export const fetchCase = (id: string) => apiRequest(`/api/cases/${id}`, { schema: ZCase });

export const fetchSharingBases = (caseId: string) =>
  apiRequest(`/api/cases/${caseId}/sharing-bases`, { schema: ZSharingBasisListResponse });
