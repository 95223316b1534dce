import {
  type TCreateReferralRequest,
  type TDeclineReferralRequest,
  ZReferral,
  ZReferralListResponse,
} from "@runder-tisch/contracts";
import { apiRequest } from "./client.ts";

// The owner's requests on the case page, and the asked agency's answers on the requests page.

export const fetchCaseReferrals = (caseId: string) =>
  apiRequest(`/api/cases/${caseId}/referrals`, { schema: ZReferralListResponse });

export const createReferral = (caseId: string, body: TCreateReferralRequest) =>
  apiRequest(`/api/cases/${caseId}/referrals`, { method: "POST", body, schema: ZReferral });

export const fetchIncomingReferrals = () =>
  apiRequest("/api/referrals/incoming", { schema: ZReferralListResponse });

export const acceptReferral = (referralId: string) =>
  apiRequest(`/api/referrals/${referralId}/accept`, {
    method: "POST",
    body: {},
    schema: ZReferral,
  });

export const declineReferral = (referralId: string, body: TDeclineReferralRequest) =>
  apiRequest(`/api/referrals/${referralId}/decline`, { method: "POST", body, schema: ZReferral });

export const withdrawReferral = (referralId: string) =>
  apiRequest(`/api/referrals/${referralId}/withdraw`, {
    method: "POST",
    body: {},
    schema: ZReferral,
  });
