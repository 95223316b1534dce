import {
  type TCreateAgencyRequest,
  type TUpdateAgencyRequest,
  ZAgency,
  ZAgencyListResponse,
} from "@runder-tisch/contracts";
import { apiRequest } from "./client.ts";

// The administration, and the case page's forms that name another agency. An agency's people,
// which the action card needs on every page, are in agency-people.ts.

export const fetchAgencies = () => apiRequest("/api/agencies", { schema: ZAgencyListResponse });

export const createAgency = (body: TCreateAgencyRequest) =>
  apiRequest("/api/agencies", { method: "POST", body, schema: ZAgency });

export const updateAgency = (id: string, body: TUpdateAgencyRequest) =>
  apiRequest(`/api/agencies/${id}`, { method: "PATCH", body, schema: ZAgency });
