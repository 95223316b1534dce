import type { TAgencyRef } from "@runder-tisch/contracts";
import { useQuery } from "@tanstack/react-query";
import { fetchCase, fetchSharingBases } from "../api/cases.ts";
import { queryKeys } from "../api/query-keys.ts";

/**
 * The agencies an action of this case can be given to: the owning agency and every
 * agency with an active basis (the server refuses any other). An agency that is not
 * the owner reads only its own basis, so it can hand the action back to the owner.
 */
export function useResponsibleCandidates(caseId: string, enabled: boolean): TAgencyRef[] {
  const caseEntry = useQuery({
    queryKey: queryKeys.case(caseId),
    queryFn: () => fetchCase(caseId),
    enabled,
  });
  const bases = useQuery({
    queryKey: queryKeys.sharingBases(caseId),
    queryFn: () => fetchSharingBases(caseId),
    enabled,
  });
  const byId = new Map<string, TAgencyRef>();
  if (caseEntry.data) byId.set(caseEntry.data.ownerAgency.id, caseEntry.data.ownerAgency);
  for (const basis of bases.data?.sharingBases ?? []) {
    if (basis.active) byId.set(basis.agency.id, basis.agency);
  }
  return [...byId.values()];
}
