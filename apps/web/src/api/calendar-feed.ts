import {
  ZCalendarFeedStatus,
  ZCreateCalendarFeedResponse,
  ZOkResponse,
} from "@runder-tisch/contracts";
import { apiRequest } from "./client.ts";

// Only the account page: one's personal calendar feed.

export const fetchCalendarFeed = () =>
  apiRequest("/api/me/calendar-feed", { schema: ZCalendarFeedStatus });

export const createCalendarFeed = () =>
  apiRequest("/api/me/calendar-feed", { method: "POST", schema: ZCreateCalendarFeedResponse });

export const revokeCalendarFeed = () =>
  apiRequest("/api/me/calendar-feed", { method: "DELETE", schema: ZOkResponse });
