import { ZConferenceListResponse } from "@runder-tisch/contracts";
import { apiRequest } from "./client.ts";

// Every page: the conferences page is part of the shell. One conference's own calls are in
// conference-room.ts, a case's in case-conferences.ts.

export const fetchAwaitingMinutes = () =>
  apiRequest("/api/conferences/awaiting-minutes", { schema: ZConferenceListResponse });

export const fetchUpcomingConferences = () =>
  apiRequest("/api/conferences/upcoming", { schema: ZConferenceListResponse });
