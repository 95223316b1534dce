import { type TUpdateMailSettingsRequest, ZMailSettings } from "@runder-tisch/contracts";
import { apiRequest } from "./client.ts";

// Only the account page: which notices one also receives by mail.

export const fetchMailSettings = () =>
  apiRequest("/api/me/mail-settings", { schema: ZMailSettings });

export const saveMailSettings = (body: TUpdateMailSettingsRequest) =>
  apiRequest("/api/me/mail-settings", { method: "PUT", body, schema: ZMailSettings });
