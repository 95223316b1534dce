import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { fetchAgencies } from "../../api/agencies.ts";
import { fetchAudit } from "../../api/audit.ts";
import { fetchCases } from "../../api/cases.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { fetchUsers } from "../../api/users.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { Loading } from "../../components/loading.tsx";
import { Page } from "../../components/page.tsx";
import { RequireRole } from "../../components/require-role.tsx";
import { useMe } from "../../session/session.tsx";
import { AuditFilterForm, type CaseOption } from "./audit-filter-form.tsx";
import { readAuditFilters, toAuditQuery, writeAuditFilters } from "./audit-filters.ts";
import { type AuditNames, AuditTable, shortCaseLabel } from "./audit-table.tsx";
import { VerifyChain } from "./verify-chain.tsx";

const PAGE_SIZE = 50;

/** Names for the ids in the trail, from what the reader may see anyway. */
function useAuditNames(agencyId: string) {
  const me = useMe();
  const agencies = useQuery({ queryKey: queryKeys.agencies, queryFn: fetchAgencies });
  const users = useQuery({
    queryKey: queryKeys.userList(agencyId),
    queryFn: () => fetchUsers(agencyId || undefined),
  });
  const cases = useQuery({ queryKey: queryKeys.caseList({}), queryFn: () => fetchCases({}) });
  const names: AuditNames = {
    people: new Map((users.data?.users ?? []).map((user) => [user.id, user.displayName])),
    agencies: new Map((agencies.data?.agencies ?? []).map((agency) => [agency.id, agency.name])),
    cases: new Map((cases.data?.cases ?? []).map((entry) => [entry.id, entry.code])),
  };
  names.agencies.set(me.agency.id, me.agency.name);
  return { names, agencies: agencies.data?.agencies ?? [], users: users.data?.users ?? [] };
}

function AuditTrail() {
  const { t } = useTranslation();
  const me = useMe();
  const isAdmin = me.user.role === "platform_admin";
  const [params, setParams] = useSearchParams();
  const filters = readAuditFilters(params);
  // Coordinators read their own agency's trail; the server enforces that too.
  const agencyId = isAdmin ? filters.agencyId : me.agency.id;
  const { names, agencies, users } = useAuditNames(agencyId);
  const query = toAuditQuery({ ...filters, agencyId: isAdmin ? filters.agencyId : "" });
  const trail = useInfiniteQuery({
    queryKey: queryKeys.auditTrail(query),
    queryFn: ({ pageParam }) => fetchAudit({ ...query, before: pageParam, limit: PAGE_SIZE }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) =>
      last.entries.length < PAGE_SIZE ? undefined : last.entries.at(-1)?.id,
  });
  const entries = trail.data?.pages.flatMap((page) => page.entries) ?? [];
  const caseOptions: CaseOption[] = [...names.cases].map(([id, label]) => ({ id, label }));
  if (filters.caseId && !names.cases.has(filters.caseId)) {
    caseOptions.push({ id: filters.caseId, label: shortCaseLabel(filters.caseId) });
  }
  const update = (next: typeof filters) => setParams(writeAuditFilters(next), { replace: true });

  return (
    <Page title={t("audit.title")}>
      <p className="lead">
        {isAdmin ? t("audit.introAdmin") : t("audit.introCoordinator", { agency: me.agency.name })}
      </p>
      {isAdmin ? <VerifyChain /> : null}
      <AuditFilterForm
        value={filters}
        agencies={isAdmin ? agencies : null}
        users={users}
        cases={caseOptions}
        onChange={update}
      />
      <ErrorMessage error={trail.error} />
      {trail.isPending ? <Loading label={t("common.loading")} /> : null}
      {trail.data && entries.length === 0 ? <p className="empty">{t("audit.empty")}</p> : null}
      {entries.length > 0 ? (
        <AuditTable
          entries={entries}
          names={names}
          onFilterCase={(caseId) => update({ ...filters, caseId })}
        />
      ) : null}
      <div className="list-footer" role="status">
        {entries.length > 0 ? t("audit.shown", { count: entries.length }) : null}
      </div>
      {trail.hasNextPage ? (
        <button
          type="button"
          className="button"
          disabled={trail.isFetchingNextPage}
          onClick={() => void trail.fetchNextPage()}
        >
          {trail.isFetchingNextPage ? t("common.loading") : t("audit.older")}
        </button>
      ) : trail.data && entries.length > 0 ? (
        <p className="muted">{t("audit.noOlder")}</p>
      ) : null}
    </Page>
  );
}

export function AuditPage() {
  return (
    <RequireRole roles={["coordinator", "platform_admin"]}>
      <AuditTrail />
    </RequireRole>
  );
}
