import { ZUnreadCountResponse } from "@runder-tisch/contracts";
import { apiRequest } from "./client.ts";

// Every page: the bell in the shell. The list itself is in notifications.ts.

export const fetchUnreadNotificationCount = () =>
  apiRequest("/api/notifications/unread-count", { schema: ZUnreadCountResponse });
