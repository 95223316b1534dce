import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { fetchAgencies } from "../../api/agencies.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { fetchUsers } from "../../api/users.ts";
import { useDisclosure } from "../../components/disclosure.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { Loading } from "../../components/loading.tsx";
import { Page } from "../../components/page.tsx";
import { RequireRole } from "../../components/require-role.tsx";
import { StatusMessage, useStatusMessage } from "../../components/status-message.tsx";
import { useMe } from "../../session/session.tsx";
import { SteeringMembers } from "./steering-members.tsx";
import { UserCreateForm } from "./user-create-form.tsx";
import { UserItem } from "./user-item.tsx";

function UserAdministration() {
  const { t } = useTranslation();
  const me = useMe();
  const isAdmin = me.user.role === "platform_admin";
  const [params, setParams] = useSearchParams();
  // Coordinators always see their own agency; the admin may narrow the whole platform down.
  const agencyId = isAdmin ? (params.get("stelle") ?? "") : me.agency.id;
  const agencies = useQuery({
    queryKey: queryKeys.agencies,
    queryFn: fetchAgencies,
    enabled: isAdmin,
  });
  const users = useQuery({
    queryKey: queryKeys.userList(agencyId),
    queryFn: () => fetchUsers(agencyId || undefined),
  });
  const creating = useDisclosure();
  const status = useStatusMessage();
  const agencyNames = new Map((agencies.data?.agencies ?? []).map((a) => [a.id, a.name]));
  const chooseAgency = (value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set("stelle", value);
    else next.delete("stelle");
    setParams(next, { replace: true });
  };

  return (
    <Page
      title={t("users.title")}
      actions={
        creating.open ? null : (
          <button
            type="button"
            className="button-primary"
            ref={creating.trigger}
            onClick={creating.show}
          >
            {t("users.new")}
          </button>
        )
      }
    >
      <p className="lead">
        {isAdmin ? t("users.introAdmin") : t("users.introCoordinator", { agency: me.agency.name })}
      </p>
      {creating.open ? (
        <UserCreateForm
          agencies={(agencies.data?.agencies ?? []).filter((agency) => agency.active)}
          defaultAgencyId={agencyId}
          onDone={creating.hide}
          onSaved={(user) => {
            status.announce(t("users.created", { name: user.displayName, email: user.email }));
            creating.hide();
          }}
        />
      ) : null}
      {isAdmin ? (
        <search>
          <form className="filters" onSubmit={(event) => event.preventDefault()}>
            <label className="filter">
              {t("users.agencyFilter")}
              <select value={agencyId} onChange={(event) => chooseAgency(event.target.value)}>
                <option value="">{t("users.allAgencies")}</option>
                {agencies.data?.agencies.map((agency) => (
                  <option key={agency.id} value={agency.id}>
                    {agency.name}
                  </option>
                ))}
              </select>
            </label>
          </form>
        </search>
      ) : null}
      <StatusMessage message={status.message} />
      <ErrorMessage error={users.error} />
      {users.isPending ? <Loading label={t("common.loading")} /> : null}
      {users.data?.users.length === 0 ? <p className="empty">{t("users.empty")}</p> : null}
      <ul className="admin-list" aria-label={t("users.listLabel")}>
        {users.data?.users.map((user) => (
          <UserItem
            key={user.id}
            user={user}
            agencyName={isAdmin ? agencyNames.get(user.agencyId) : undefined}
            announce={status.announce}
          />
        ))}
      </ul>
      {isAdmin && users.data ? (
        <SteeringMembers people={users.data.users} agencyNames={agencyNames} />
      ) : null}
    </Page>
  );
}

export function UsersPage() {
  return (
    <RequireRole roles={["coordinator", "platform_admin"]}>
      <UserAdministration />
    </RequireRole>
  );
}
