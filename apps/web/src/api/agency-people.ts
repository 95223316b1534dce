import { ZAgencyPeopleResponse } from "@runder-tisch/contracts";
import { apiRequest } from "./client.ts";

// Every page: the action card offers an agency's people as the responsible person.

export const fetchAgencyPeople = (id: string) =>
  apiRequest(`/api/agencies/${id}/people`, { schema: ZAgencyPeopleResponse });
