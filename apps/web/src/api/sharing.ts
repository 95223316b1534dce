import {
  type TCreateSecrecyReleaseRequest,
  type TCreateSharingBasisRequest,
  type TRevokeRequest,
  ZSecrecyRelease,
  ZSecrecyReleaseListResponse,
  ZSharingBasis,
} from "@runder-tisch/contracts";
import { apiRequest } from "./client.ts";

// Only the case page: granting and revoking sharing bases, and secrecy releases. Reading a
// case's bases is in cases.ts, since the action card needs it.

export const grantSharingBasis = (caseId: string, body: TCreateSharingBasisRequest) =>
  apiRequest(`/api/cases/${caseId}/sharing-bases`, { method: "POST", body, schema: ZSharingBasis });

export const revokeSharingBasis = (caseId: string, basisId: string, body: TRevokeRequest) =>
  apiRequest(`/api/cases/${caseId}/sharing-bases/${basisId}/revoke`, {
    method: "POST",
    body,
    schema: ZSharingBasis,
  });

export const fetchSecrecyReleases = (caseId: string) =>
  apiRequest(`/api/cases/${caseId}/secrecy-releases`, { schema: ZSecrecyReleaseListResponse });

export const recordSecrecyRelease = (caseId: string, body: TCreateSecrecyReleaseRequest) =>
  apiRequest(`/api/cases/${caseId}/secrecy-releases`, {
    method: "POST",
    body,
    schema: ZSecrecyRelease,
  });

export const revokeSecrecyRelease = (caseId: string, releaseId: string) =>
  apiRequest(`/api/cases/${caseId}/secrecy-releases/${releaseId}/revoke`, {
    method: "POST",
    body: {},
    schema: ZSecrecyRelease,
  });
