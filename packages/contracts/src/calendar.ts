import { z } from "zod";
import { ZIsoDateTime } from "./common.ts";

/** iCalendar text (RFC 5545), served as text/calendar. */
export const ZCalendarFile = z.string().describe("iCalendar text (RFC 5545), text/calendar");

/**
 * The secret of a personal calendar feed: 32 random bytes, base64url. Anything else is
 * refused before a database lookup, so odd input never reaches the query.
 */
export const ZCalendarFeedTokenParams = z.object({
  token: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
});
export type TCalendarFeedTokenParams = z.infer<typeof ZCalendarFeedTokenParams>;

/** Whether I have a feed address; the address itself is shown only once, when made. */
export const ZCalendarFeedStatus = z.object({
  active: z.boolean(),
  createdAt: ZIsoDateTime.nullable(),
  lastUsedAt: ZIsoDateTime.nullable(),
});
export type TCalendarFeedStatus = z.infer<typeof ZCalendarFeedStatus>;

/** A new feed address; the previous one stops working. */
export const ZCreateCalendarFeedResponse = z.object({
  url: z.url(),
  createdAt: ZIsoDateTime,
});
export type TCreateCalendarFeedResponse = z.infer<typeof ZCreateCalendarFeedResponse>;
