import { ZMailStatus } from "@runder-tisch/contracts";
import { apiRequest } from "./client.ts";

// Only the administration's agencies page: whether the server can send mail.

export const fetchMailStatus = () => apiRequest("/api/admin/mail-status", { schema: ZMailStatus });
