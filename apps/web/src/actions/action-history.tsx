import type { TActionEvent } from "@runder-tisch/contracts";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { fetchActionHistory } from "../api/actions.ts";
import { queryKeys } from "../api/query-keys.ts";
import { ErrorMessage } from "../components/error-message.tsx";
import { formatDateTime, formatDay } from "../components/format.ts";
import { Loading } from "../components/loading.tsx";

type Names = Map<string, string>;

/** A changed value in words: agencies and people by name, days as days, statuses translated. */
function useDescribeValue(names: Names) {
  const { t } = useTranslation();
  return (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === "") return t("actionHistory.empty");
    if (field === "status") return t(`actionStatus.${String(value)}`);
    if (field === "dueDate") return formatDay(String(value));
    if (field === "responsibleAgencyId" || field === "responsiblePersonId") {
      return names.get(String(value)) ?? t("actionHistory.unknown");
    }
    return String(value);
  };
}

/** Names for the ids in the history: the agencies and people its own entries name. */
function namesIn(events: TActionEvent[], current: { id: string; name: string }[]): Names {
  const names: Names = new Map(current.map(({ id, name }) => [id, name]));
  for (const event of events) {
    if (event.agency) names.set(event.agency.id, event.agency.name);
    if (event.actor) names.set(event.actor.id, event.actor.displayName);
  }
  return names;
}

/** Who changed what and when, oldest first: the action's own record after the minutes. */
export function ActionHistory({
  actionId,
  known,
}: {
  actionId: string;
  /** Agencies and people the page already knows, to name ids in the changes. */
  known: { id: string; name: string }[];
}) {
  const { t } = useTranslation();
  const history = useQuery({
    queryKey: queryKeys.actionHistory(actionId),
    queryFn: () => fetchActionHistory(actionId),
  });
  const describe = useDescribeValue(namesIn(history.data?.events ?? [], known));
  if (history.isPending) return <Loading label={t("common.loading")} />;
  if (history.error) return <ErrorMessage error={history.error} />;
  return (
    <ol className="action-history">
      {history.data.events.map((event) => (
        <li key={event.id}>
          <p className="comment-meta">
            {formatDateTime(event.at)} · {event.actor?.displayName ?? t("actionHistory.system")}
            {event.agency ? ` (${event.agency.name})` : ""}
          </p>
          {event.kind === "created" ? (
            <p>{t("actionHistory.created")}</p>
          ) : (
            <ul>
              {Object.entries(event.changes).map(([field, change]) => (
                <li key={field}>
                  {t("actionHistory.changed", {
                    field: t(`actionHistory.fields.${field}`, { defaultValue: field }),
                    from: describe(field, change.from),
                    to: describe(field, change.to),
                  })}
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
