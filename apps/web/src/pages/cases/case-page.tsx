import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useLocation, useParams } from "react-router";
import { fetchCase } from "../../api/cases.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { Loading } from "../../components/loading.tsx";
import { Page } from "../../components/page.tsx";
import { useMe } from "../../session/session.tsx";
import { PathwaysSection } from "../pathways/lazy-pathways.tsx";
import { CaseActions } from "./case-actions.tsx";
import { CaseConferences } from "./case-conferences.tsx";
import { CaseDisputes } from "./case-disputes.tsx";
import { CaseHistory } from "./case-history.tsx";
import { CaseSummary } from "./case-summary.tsx";
import { IdentitySection } from "./identity-section.tsx";
import { InternalNotesSection } from "./internal-notes-section.tsx";
import { ReferralsSection } from "./referrals-section.tsx";
import { SecrecyReleasesSection } from "./secrecy-releases-section.tsx";
import { SharingBasesSection } from "./sharing-bases-section.tsx";
import { SubjectAccess } from "./subject-access.tsx";

/** The new-case page sends `{ created: true }` along, so this page can confirm it. */
function justCreated(state: unknown): boolean {
  return (
    typeof state === "object" && state !== null && "created" in state && state.created === true
  );
}

export function CasePage() {
  const { t } = useTranslation();
  const { caseId = "" } = useParams();
  const location = useLocation();
  const me = useMe();
  const found = useQuery({ queryKey: queryKeys.case(caseId), queryFn: () => fetchCase(caseId) });
  if (found.isPending) return <Loading label={t("common.loading")} />;
  if (found.error)
    return (
      <Page title={t("case.notFoundTitle")}>
        <ErrorMessage error={found.error} />
      </Page>
    );
  const entry = found.data;
  return (
    <Page title={t("case.title", { code: entry.code })}>
      <CaseSummary
        entry={entry}
        notice={justCreated(location.state) ? t("case.createdNow", { code: entry.code }) : ""}
      />
      {entry.access.isOwner ? <IdentitySection entry={entry} /> : null}
      <div className="case-columns">
        <div>
          <CaseActions caseId={entry.id} />
          <CaseConferences entry={entry} />
          <PathwaysSection
            caseId={entry.id}
            agencies={
              entry.ownerAgency.id === me.agency.id
                ? [entry.ownerAgency]
                : [entry.ownerAgency, { id: me.agency.id, name: me.agency.name }]
            }
          />
          <InternalNotesSection caseId={entry.id} />
        </div>
        <div>
          <SharingBasesSection entry={entry} />
          {entry.access.isOwner ? <ReferralsSection entry={entry} /> : null}
          <SecrecyReleasesSection entry={entry} />
          <CaseDisputes entry={entry} />
          {entry.access.isOwner ? <SubjectAccess entry={entry} /> : null}
          <CaseHistory entry={entry} />
        </div>
      </div>
    </Page>
  );
}
