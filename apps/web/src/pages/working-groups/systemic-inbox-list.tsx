import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { queryKeys } from "../../api/query-keys.ts";
import { fetchSystemicInbox } from "../../api/working-groups.ts";
import { usePollingFallback } from "../../live/live-events.tsx";
import { SystemicActionTable } from "./systemic-action-table.tsx";

/** My agency's work from the working groups, in the inbox; nothing when there is none. */
export function SystemicInboxList() {
  const { t } = useTranslation();
  const refetchInterval = usePollingFallback();
  const inbox = useQuery({
    queryKey: queryKeys.systemicInbox,
    queryFn: fetchSystemicInbox,
    refetchInterval,
  });
  const actions = inbox.data?.actions ?? [];
  if (actions.length === 0) return null;
  return (
    <section aria-labelledby="inbox-systemic-heading" className="inbox-systemic">
      <h2 id="inbox-systemic-heading">{t("systemicActions.inboxHeading")}</h2>
      <SystemicActionTable
        actions={actions}
        caption={t("systemicActions.inboxHeading")}
        show="group"
        editable
      />
    </section>
  );
}
