import {
  type TCreateUserRequest,
  type TUpdateUserRequest,
  ZUser,
  ZUserListResponse,
} from "@runder-tisch/contracts";
import { apiRequest } from "./client.ts";

// Only the administration: the users page, and the audit page's filter by person.

export const fetchUsers = (agencyId?: string) =>
  apiRequest("/api/users", { query: { agencyId }, schema: ZUserListResponse });

export const createUser = (body: TCreateUserRequest) =>
  apiRequest("/api/users", { method: "POST", body, schema: ZUser });

export const updateUser = (id: string, body: TUpdateUserRequest) =>
  apiRequest(`/api/users/${id}`, { method: "PATCH", body, schema: ZUser });
