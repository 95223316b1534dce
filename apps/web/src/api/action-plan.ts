import {
  type TSaveActionPlanRequest,
  ZActionPlan,
  ZActionPlanDraft,
  ZActionPlanVersion,
} from "@runder-tisch/contracts";
import { apiRequest } from "./client.ts";

// The steering group's action plan (Handlungskonzept); its page loads this module alone.

export const fetchActionPlan = () => apiRequest("/api/action-plan", { schema: ZActionPlan });

export const fetchActionPlanVersion = (version: number) =>
  apiRequest(`/api/action-plan/versions/${version}`, { schema: ZActionPlanVersion });

export const fetchActionPlanDraft = () =>
  apiRequest("/api/action-plan/draft", { schema: ZActionPlanDraft });

export const saveActionPlanVersion = (body: TSaveActionPlanRequest) =>
  apiRequest("/api/action-plan/versions", { method: "POST", body, schema: ZActionPlanVersion });

export const actionPlanPdfUrl = (version: number) => `/api/action-plan/versions/${version}.pdf`;
export const actionPlanMarkdownUrl = (version: number) => `/api/action-plan/versions/${version}.md`;
