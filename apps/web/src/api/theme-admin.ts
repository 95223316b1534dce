import {
  type TCaseTheme,
  type TCreateThemeRequest,
  type TUpdateThemeRequest,
  ZTheme,
} from "@runder-tisch/contracts";
import { apiRequest } from "./client.ts";

// Only the administration's theme page.

export const createTheme = (body: TCreateThemeRequest) =>
  apiRequest("/api/admin/themes", { method: "POST", body, schema: ZTheme });

export const updateTheme = (key: TCaseTheme, body: TUpdateThemeRequest) =>
  apiRequest(`/api/admin/themes/${encodeURIComponent(key)}`, {
    method: "PATCH",
    body,
    schema: ZTheme,
  });
