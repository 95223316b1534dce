import {
  type TCreatePathwayActionRequest,
  type TPathwayCohortQuery,
  type TPathwayStatus,
  type TWritePathwayTemplateRequest,
  ZOkResponse,
  ZPathwayChecklist,
  ZPathwayChecklistListResponse,
  ZPathwayCohortResponse,
  ZPathwayTemplate,
  ZPathwayTemplateEditorListResponse,
  ZPathwayTemplateListResponse,
} from "@runder-tisch/contracts";
import { apiRequest } from "./client.ts";

// Residence pathway checklists: the case page, the room's panel (loaded on opening it) and
// the immigration office's cohort page. Only those lazily loaded modules import this.

export const fetchPathwayTemplates = () =>
  apiRequest("/api/pathways/templates", { schema: ZPathwayTemplateListResponse });

export const fetchCaseChecklists = (caseId: string) =>
  apiRequest(`/api/cases/${caseId}/pathways`, { schema: ZPathwayChecklistListResponse });

export const startChecklist = (caseId: string, pathwayKey: string) =>
  apiRequest(`/api/cases/${caseId}/pathways`, {
    method: "POST",
    body: { pathwayKey },
    schema: ZPathwayChecklist,
  });

const prerequisitePath = (caseId: string, checklistId: string, key: string) =>
  `/api/cases/${caseId}/pathways/${checklistId}/prerequisites/${encodeURIComponent(key)}`;

export const setPrerequisiteStatus = (
  caseId: string,
  checklistId: string,
  key: string,
  status: TPathwayStatus,
) =>
  apiRequest(prerequisitePath(caseId, checklistId, key), {
    method: "PUT",
    body: { status },
    schema: ZPathwayChecklist,
  });

export const createPrerequisiteAction = (
  caseId: string,
  checklistId: string,
  key: string,
  body: TCreatePathwayActionRequest,
) =>
  apiRequest(`${prerequisitePath(caseId, checklistId, key)}/action`, {
    method: "POST",
    body,
    schema: ZPathwayChecklist,
  });

export const fetchPathwayCohort = (query: TPathwayCohortQuery) =>
  apiRequest("/api/pathways/cohort", { query, schema: ZPathwayCohortResponse });

export const writePathwayTemplate = (pathwayKey: string, body: TWritePathwayTemplateRequest) =>
  apiRequest(`/api/pathways/templates/${encodeURIComponent(pathwayKey)}`, {
    method: "PUT",
    body,
    schema: ZPathwayTemplate,
  });

export const fetchTemplateEditors = () =>
  apiRequest("/api/pathways/template-editors", { schema: ZPathwayTemplateEditorListResponse });

export const nameTemplateEditor = (agencyId: string) =>
  apiRequest("/api/pathways/template-editors", {
    method: "POST",
    body: { agencyId },
    schema: ZPathwayTemplateEditorListResponse,
  });

export const removeTemplateEditor = (agencyId: string) =>
  apiRequest(`/api/pathways/template-editors/${agencyId}`, {
    method: "DELETE",
    schema: ZOkResponse,
  });
