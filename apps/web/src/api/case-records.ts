import {
  type TCreateCaseRequest,
  type TIdentityRecordInput,
  type TUpdateCaseRequest,
  ZCase,
  ZIdentityRecordResponse,
} from "@runder-tisch/contracts";
import { apiRequest } from "./client.ts";

// Only the case pages: opening a case, its status, the protected identity and the export.

export const createCase = (body: TCreateCaseRequest) =>
  apiRequest("/api/cases", { method: "POST", body, schema: ZCase });

export const updateCase = (id: string, body: TUpdateCaseRequest) =>
  apiRequest(`/api/cases/${id}`, { method: "PATCH", body, schema: ZCase });

export const fetchIdentity = (id: string) =>
  apiRequest(`/api/cases/${id}/identity`, { schema: ZIdentityRecordResponse });

export const saveIdentity = (id: string, body: TIdentityRecordInput) =>
  apiRequest(`/api/cases/${id}/identity`, { method: "PUT", body, schema: ZIdentityRecordResponse });

/** A download: the browser fetches it with the session cookie. */
export const caseExportUrl = (id: string, format: "json" | "html") =>
  `/api/cases/${id}/export${format === "html" ? "?format=html" : ""}`;
