import { type TInboxQuery, ZInboxResponse } from "@runder-tisch/contracts";
import { apiRequest } from "./client.ts";

// Every page: the inbox is the start page.

export const fetchInbox = (query: TInboxQuery) =>
  apiRequest("/api/inbox", { query, schema: ZInboxResponse });
