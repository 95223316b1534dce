import {
  type TAuditListQuery,
  ZAuditListResponse,
  ZAuditVerifyResponse,
} from "@runder-tisch/contracts";
import { apiRequest } from "./client.ts";

// Only the administration's audit page.

export const fetchAudit = (query: TAuditListQuery) =>
  apiRequest("/api/audit", { query, schema: ZAuditListResponse });

export const verifyAudit = () =>
  apiRequest("/api/admin/audit/verify", { schema: ZAuditVerifyResponse });
