import {
  type TDisputeTargetType,
  type TLiftDisputeRequest,
  type TRaiseDisputeRequest,
  ZDispute,
  ZDisputeListResponse,
} from "@runder-tisch/contracts";
import { apiRequest } from "./client.ts";

// Only the case page: disputes of the case, its minutes and its comments.

const DISPUTE_BASE: Record<TDisputeTargetType, string> = {
  case: "/api/cases",
  minutes: "/api/minutes",
  action_comment: "/api/action-comments",
};

export const fetchCaseDisputes = (caseId: string) =>
  apiRequest(`/api/cases/${caseId}/disputes`, { schema: ZDisputeListResponse });

export const raiseDispute = (target: TDisputeTargetType, id: string, body: TRaiseDisputeRequest) =>
  apiRequest(`${DISPUTE_BASE[target]}/${id}/dispute`, { method: "POST", body, schema: ZDispute });

export const liftDispute = (target: TDisputeTargetType, id: string, body: TLiftDisputeRequest) =>
  apiRequest(`${DISPUTE_BASE[target]}/${id}/dispute/lift`, {
    method: "POST",
    body,
    schema: ZDispute,
  });
