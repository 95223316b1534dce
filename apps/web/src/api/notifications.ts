import {
  type TNotificationsQuery,
  ZMarkAllReadResponse,
  ZNotificationsResponse,
  ZOkResponse,
} from "@runder-tisch/contracts";
import { apiRequest } from "./client.ts";

// Only the notifications page; the bell's count, which every page shows, is in
// notification-count.ts.

export const fetchNotifications = (query: TNotificationsQuery) =>
  apiRequest("/api/notifications", { query, schema: ZNotificationsResponse });

export const markNotificationRead = (id: string) =>
  apiRequest(`/api/notifications/${id}/read`, { method: "POST", schema: ZOkResponse });

export const markAllNotificationsRead = () =>
  apiRequest("/api/notifications/read-all", { method: "POST", schema: ZMarkAllReadResponse });
