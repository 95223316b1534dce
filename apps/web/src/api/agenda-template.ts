import { type TAgendaTemplate, ZAgendaTemplateResponse } from "@runder-tisch/contracts";
import { apiRequest } from "./client.ts";

// Only the administration's agenda template page.

export const fetchAgendaTemplate = () =>
  apiRequest("/api/agenda-template", { schema: ZAgendaTemplateResponse });

export const saveAgendaTemplate = (body: TAgendaTemplate) =>
  apiRequest("/api/admin/agenda-template", {
    method: "PUT",
    body,
    schema: ZAgendaTemplateResponse,
  });

export const resetAgendaTemplate = () =>
  apiRequest("/api/admin/agenda-template", { method: "DELETE", schema: ZAgendaTemplateResponse });
