import { ZSteeringMembership } from "@runder-tisch/contracts";
import { apiRequest } from "./client.ts";

// The navigation asks once whether to show the steering group's page; kept apart from
// the page's own calls so every page carries only this one.

export const fetchSteeringMembership = () =>
  apiRequest("/api/steering/membership", { schema: ZSteeringMembership });
