import { isActionPending, type TAction, type TConference } from "@runder-tisch/contracts";
import { useTranslation } from "react-i18next";
import { ActionStatusSelect } from "../../actions/action-status-select.tsx";
import { formatDay, isOverdue } from "../../components/format.ts";

/** The conference of the same case held before this one, if any. */
export function previousConference(
  current: TConference,
  all: TConference[],
): TConference | undefined {
  return all
    .filter((other) => other.id !== current.id && other.scheduledAt < current.scheduledAt)
    .sort((a, b) => (a.scheduledAt < b.scheduledAt ? 1 : -1))[0];
}

/** What the last conference agreed and is still open: the Wiedervorlage starts here. */
export function CarryOver({ previous, actions }: { previous: TConference; actions: TAction[] }) {
  const { t } = useTranslation();
  const agreed = actions.filter((action) => action.conferenceId === previous.id);
  const open = agreed.filter((action) => isActionPending(action.status));
  return (
    <section aria-labelledby="carry-over-heading" className="room-panel carry-over">
      <h2 id="carry-over-heading">{t("room.carryOver")}</h2>
      <p className="muted">
        {t("room.carryOverSummary", {
          date: formatDay(previous.scheduledAt),
          done: agreed.length - open.length,
          total: agreed.length,
        })}
      </p>
      {open.length === 0 ? <p className="empty">{t("room.carryOverNone")}</p> : null}
      <ul className="room-actions">
        {open.map((action) => (
          <li key={action.id} className="room-action">
            <p className="room-action-title">{action.title}</p>
            <p className="muted">
              {action.responsibleAgency.name}
              {action.dueDate ? ` · ${t("action.due")} ${formatDay(action.dueDate)}` : ""}
              {isOverdue(action.dueDate, action.status) ? ` · ${t("action.overdue")}` : ""}
            </p>
            <ActionStatusSelect action={action} />
          </li>
        ))}
      </ul>
    </section>
  );
}
