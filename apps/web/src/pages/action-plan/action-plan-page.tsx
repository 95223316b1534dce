import type { TActionPlanVersion, TActionPlanVersionSummary } from "@runder-tisch/contracts";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { actionPlanMarkdownUrl, actionPlanPdfUrl, fetchActionPlan } from "../../api/action-plan.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { fetchSteeringMembership } from "../../api/steering-membership.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { formatDateTime } from "../../components/format.ts";
import { Loading } from "../../components/loading.tsx";
import { Page } from "../../components/page.tsx";
import { paths } from "../../routes/paths.ts";
import { ActionPlanEditor } from "./action-plan-editor.tsx";
import "./action-plan.css";

/**
 * The steering group's action plan: the current version, the editor members save new
 * versions with, and every version to download.
 */
export function ActionPlanPage() {
  const { t } = useTranslation();
  const membership = useQuery({
    queryKey: queryKeys.steeringMembership,
    queryFn: fetchSteeringMembership,
  });
  const member = membership.data?.member === true;
  const plan = useQuery({
    queryKey: queryKeys.actionPlan,
    queryFn: fetchActionPlan,
    enabled: member,
  });
  const back = (
    <Link className="button" to={paths.steering}>
      {t("actionPlan.back")}
    </Link>
  );
  if (membership.isPending) return <Loading label={t("common.loading")} />;
  if (!member) {
    return (
      <Page title={t("actionPlan.title")}>
        <ErrorMessage error={membership.error} />
        <p>{t("actionPlan.notMember")}</p>
      </Page>
    );
  }
  return (
    <Page title={t("actionPlan.title")} actions={back}>
      <p className="lead">{t("actionPlan.intro")}</p>
      <ErrorMessage error={plan.error} />
      {plan.isPending ? <Loading label={t("common.loading")} /> : null}
      {plan.data ? (
        <>
          <CurrentVersion current={plan.data.current} />
          {/* Started once from the version loaded first: a later refetch must not replace what someone is typing. */}
          <ActionPlanEditor current={plan.data.current} />
          <VersionList versions={plan.data.versions} />
        </>
      ) : null}
    </Page>
  );
}

function useSavedBy() {
  const { t } = useTranslation();
  return (version: TActionPlanVersionSummary) =>
    t("actionPlan.versionMeta", {
      version: version.version,
      date: formatDateTime(version.savedAt),
      by: version.savedBy?.displayName ?? t("actionPlan.someone"),
    });
}

function CurrentVersion({ current }: { current: TActionPlanVersion | null }) {
  const { t } = useTranslation();
  const savedBy = useSavedBy();
  return (
    <section aria-labelledby="action-plan-current">
      <h2 id="action-plan-current">{t("actionPlan.currentTitle")}</h2>
      {current ? (
        <article className="action-plan-current">
          <h3>{current.title}</h3>
          <p className="muted">{savedBy(current)}</p>
          <div className="action-plan-text">{current.body}</div>
        </article>
      ) : (
        <p className="empty">{t("actionPlan.noVersion")}</p>
      )}
    </section>
  );
}

function VersionList({ versions }: { versions: TActionPlanVersionSummary[] }) {
  const { t } = useTranslation();
  const savedBy = useSavedBy();
  return (
    <section aria-labelledby="action-plan-versions">
      <h2 id="action-plan-versions">{t("actionPlan.versionsTitle")}</h2>
      {versions.length === 0 ? <p className="empty">{t("actionPlan.noVersions")}</p> : null}
      <ul className="admin-list">
        {versions.map((version) => (
          <li key={version.version}>
            <h3>{t("actionPlan.versionName", { version: version.version })}</h3>
            <p>
              {version.title} · <span className="muted">{savedBy(version)}</span>
            </p>
            <p>{version.note || <span className="muted">{t("actionPlan.noNote")}</span>}</p>
            <p className="minutes-links">
              <a
                className="button"
                href={actionPlanPdfUrl(version.version)}
                download
                aria-label={t("actionPlan.pdfLabel", { version: version.version })}
              >
                {t("actionPlan.pdf")}
              </a>
              <a
                className="button"
                href={actionPlanMarkdownUrl(version.version)}
                download
                aria-label={t("actionPlan.mdLabel", { version: version.version })}
              >
                {t("actionPlan.md")}
              </a>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
