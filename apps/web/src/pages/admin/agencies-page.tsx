import type { TAgency } from "@runder-tisch/contracts";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { fetchAgencies } from "../../api/agencies.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { useDisclosure } from "../../components/disclosure.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { formatDay } from "../../components/format.ts";
import { Loading } from "../../components/loading.tsx";
import { Page } from "../../components/page.tsx";
import { RequireRole } from "../../components/require-role.tsx";
import { StatusMessage, useStatusMessage } from "../../components/status-message.tsx";
import { AgencyForm } from "./agency-form.tsx";
import { MailStatus } from "./mail-status.tsx";

function AgencyItem({ agency, announce }: { agency: TAgency; announce(text: string): void }) {
  const { t } = useTranslation();
  const editing = useDisclosure();
  return (
    <li className="admin-item">
      <div className="admin-item-head">
        <div>
          <p className="admin-item-title">{agency.name}</p>
          <p className="muted">
            {t(`agencyKind.${agency.kind}`)} ·{" "}
            {t("agencies.since", { date: formatDay(agency.createdAt) })}
          </p>
        </div>
        <div className="admin-item-side">
          <span className={agency.active ? "badge badge-done" : "badge badge-cancelled"}>
            {agency.active ? t("agencies.active") : t("agencies.inactive")}
          </span>
          {editing.open ? null : (
            <button
              type="button"
              className="button"
              ref={editing.trigger}
              onClick={editing.show}
              aria-label={t("agencies.editLabel", { name: agency.name })}
            >
              {t("agencies.edit")}
            </button>
          )}
        </div>
      </div>
      {editing.open ? (
        <AgencyForm
          agency={agency}
          onDone={editing.hide}
          onSaved={(saved) => {
            announce(t("agencies.saved", { name: saved.name }));
            editing.hide();
          }}
        />
      ) : null}
    </li>
  );
}

function AgencyAdministration() {
  const { t } = useTranslation();
  const agencies = useQuery({ queryKey: queryKeys.agencies, queryFn: fetchAgencies });
  const creating = useDisclosure();
  const status = useStatusMessage();
  return (
    <Page
      title={t("agencies.title")}
      actions={
        creating.open ? null : (
          <button
            type="button"
            className="button-primary"
            ref={creating.trigger}
            onClick={creating.show}
          >
            {t("agencies.new")}
          </button>
        )
      }
    >
      <p className="lead">{t("agencies.intro")}</p>
      {creating.open ? (
        <AgencyForm
          onDone={creating.hide}
          onSaved={(saved) => {
            status.announce(t("agencies.created", { name: saved.name }));
            creating.hide();
          }}
        />
      ) : null}
      <StatusMessage message={status.message} />
      <ErrorMessage error={agencies.error} />
      {agencies.isPending ? <Loading label={t("common.loading")} /> : null}
      {agencies.data?.agencies.length === 0 ? <p className="empty">{t("agencies.empty")}</p> : null}
      <ul className="admin-list" aria-label={t("agencies.listLabel")}>
        {agencies.data?.agencies.map((agency) => (
          <AgencyItem key={agency.id} agency={agency} announce={status.announce} />
        ))}
      </ul>
      <MailStatus />
    </Page>
  );
}

export function AgenciesPage() {
  return (
    <RequireRole roles={["platform_admin"]}>
      <AgencyAdministration />
    </RequireRole>
  );
}
