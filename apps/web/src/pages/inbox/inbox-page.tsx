import type { TAction, TInboxCounts } from "@runder-tisch/contracts";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { ActionCard } from "../../actions/action-card.tsx";
import { fetchCases } from "../../api/cases.ts";
import { fetchInbox } from "../../api/inbox.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { Loading } from "../../components/loading.tsx";
import { Page } from "../../components/page.tsx";
import { usePollingFallback } from "../../live/live-events.tsx";
import { useMe } from "../../session/session.tsx";
import { AwaitingMinutes } from "../conferences/awaiting-minutes.tsx";
import { UpcomingList } from "../conferences/upcoming-list.tsx";
import { SystemicInboxSection } from "../working-groups/systemic-inbox-section.tsx";
import { InboxFilterForm } from "./inbox-filter-form.tsx";
import { readFilters, toInboxQuery, writeFilters } from "./inbox-filters.ts";

function Counts({ counts, onShowOrphaned }: { counts: TInboxCounts; onShowOrphaned(): void }) {
  const { t } = useTranslation();
  return (
    <ul className="counts" aria-label={t("inbox.countsLabel")}>
      <li>
        <span className="count-number">{counts.open}</span> {t("inbox.countOpen")}
      </li>
      <li className={counts.overdue > 0 ? "count-alert" : undefined}>
        <span className="count-number">{counts.overdue}</span> {t("inbox.countOverdue")}
      </li>
      <li>
        <span className="count-number">{counts.dueWithin7Days}</span> {t("inbox.countWeek")}
      </li>
      {counts.needsNewOwner > 0 ? (
        <li className="count-alert">
          <span className="count-number">{counts.needsNewOwner}</span>{" "}
          {t("inbox.countNeedsNewOwner")}{" "}
          <button type="button" className="button-quiet" onClick={onShowOrphaned}>
            {t("inbox.showNeedsNewOwner")}
          </button>
        </li>
      ) : null}
    </ul>
  );
}

/** Announces actions that arrive while the page is open (live or by polling). */
function useNewActionAnnouncement(actions: TAction[] | undefined): string {
  const { t } = useTranslation();
  const known = useRef<Set<string> | null>(null);
  const [message, setMessage] = useState("");
  useEffect(() => {
    if (!actions) return;
    const ids = new Set(actions.map((action) => action.id));
    if (known.current) {
      const fresh = actions.filter((action) => !known.current?.has(action.id));
      if (fresh.length === 1 && fresh[0]) setMessage(t("inbox.newOne", { title: fresh[0].title }));
      else if (fresh.length > 1) setMessage(t("inbox.newMany", { count: fresh.length }));
    }
    known.current = ids;
  }, [actions, t]);
  return message;
}

export function InboxPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const query = toInboxQuery(filters);
  const refetchInterval = usePollingFallback();
  const inbox = useQuery({
    queryKey: queryKeys.inboxList(query),
    queryFn: () => fetchInbox(query),
    refetchInterval,
    placeholderData: (previous) => previous,
  });
  const cases = useQuery({ queryKey: queryKeys.caseList({}), queryFn: () => fetchCases({}) });
  const announcement = useNewActionAnnouncement(inbox.data?.actions);

  return (
    <Page title={t("inbox.title")}>
      <p className="lead">{t("inbox.intro", { agency: me.agency.name })}</p>
      {inbox.data ? (
        <Counts
          counts={inbox.data.counts}
          onShowOrphaned={() =>
            setParams(writeFilters({ ...filters, needsNewOwner: true }), { replace: true })
          }
        />
      ) : null}
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      <SystemicInboxSection />
      <div className="inbox-layout">
        <section aria-labelledby="inbox-actions-heading" className="inbox-actions">
          <h2 id="inbox-actions-heading">{t("inbox.actionsHeading")}</h2>
          <InboxFilterForm
            value={filters}
            cases={cases.data?.cases ?? []}
            onChange={(next) => setParams(writeFilters(next), { replace: true })}
          />
          <ErrorMessage error={inbox.error} />
          {inbox.isPending ? <Loading label={t("common.loading")} /> : null}
          {inbox.data && inbox.data.actions.length === 0 ? (
            <p className="empty">{t("inbox.empty")}</p>
          ) : null}
          <ul className="card-list">
            {inbox.data?.actions.map((action) => (
              <li key={action.id}>
                <ActionCard action={action} />
              </li>
            ))}
          </ul>
        </section>
        <aside aria-labelledby="inbox-upcoming-heading" className="inbox-aside">
          {me.user.role === "coordinator" ? <AwaitingMinutes /> : null}
          <h2 id="inbox-upcoming-heading">{t("upcoming.title")}</h2>
          <UpcomingList compact />
        </aside>
      </div>
    </Page>
  );
}
