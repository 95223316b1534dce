import type { TAgencyRef } from "@runder-tisch/contracts";
import { useQueries } from "@tanstack/react-query";
import { fetchAgencyPeople } from "../api/agency-people.ts";
import { queryKeys } from "../api/query-keys.ts";
import { useResponsibleCandidates } from "./responsible-candidates.ts";

export interface CasePerson {
  id: string;
  displayName: string;
}

export interface CasePeopleGroup {
  agency: TAgencyRef;
  people: CasePerson[];
}

/**
 * The people who may be mentioned (@) about a case, by agency: members of the agencies
 * that may see it (the server tells nobody else).
 */
export function useCasePeople(caseId: string): CasePeopleGroup[] {
  const agencies = useResponsibleCandidates(caseId, true);
  const people = useQueries({
    queries: agencies.map((agency) => ({
      queryKey: queryKeys.agencyPeople(agency.id),
      queryFn: () => fetchAgencyPeople(agency.id),
    })),
  });
  return agencies.map((agency, index) => ({
    agency,
    people: people[index]?.data?.people ?? [],
  }));
}
