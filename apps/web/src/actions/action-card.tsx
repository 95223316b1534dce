import type { TAction } from "@runder-tisch/contracts";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDay, isOverdue } from "../components/format.ts";
import { StatusBadge } from "../components/status-badge.tsx";
import { paths } from "../routes/paths.ts";
import { ActionComments } from "./action-comments.tsx";
import { ActionEditForm } from "./action-edit-form.tsx";
import { ActionHistory } from "./action-history.tsx";
import { ActionStatusSelect } from "./action-status-select.tsx";

type Drawer = "comments" | "edit" | "history" | null;

/** Agencies and people the card names, so the history can name them too. */
const knownNames = (action: TAction) => [
  { id: action.responsibleAgency.id, name: action.responsibleAgency.name },
  ...(action.responsiblePerson
    ? [{ id: action.responsiblePerson.id, name: action.responsiblePerson.displayName }]
    : []),
];

export function ActionCard({ action, showCase = true }: { action: TAction; showCase?: boolean }) {
  const { t } = useTranslation();
  const [drawer, setDrawer] = useState<Drawer>(null);
  const drawerId = useId();
  const overdue = isOverdue(action.dueDate, action.status);
  const toggle = (which: Exclude<Drawer, null>) => ({
    "aria-expanded": drawer === which,
    "aria-controls": drawerId,
    onClick: () => setDrawer((current) => (current === which ? null : which)),
  });
  const classes = ["action-card", overdue ? "overdue" : "", action.needsNewOwner ? "orphaned" : ""];
  return (
    <article className={classes.join(" ").trim()} aria-label={action.title}>
      <div className="action-main">
        <h3 className="action-title">{action.title}</h3>
        {action.needsNewOwner ? (
          <p className="notice">
            {t("action.needsNewOwner", { agency: action.responsibleAgency.name })}
          </p>
        ) : null}
        {action.description ? <p className="action-description">{action.description}</p> : null}
        <dl className="action-facts">
          {showCase ? (
            <div>
              <dt>{t("action.case")}</dt>
              <dd>
                <Link to={paths.case(action.caseId)}>{action.caseCode}</Link>
              </dd>
            </div>
          ) : null}
          <div>
            <dt>{t("action.responsible")}</dt>
            <dd>
              {action.responsibleAgency.name}
              {action.responsiblePerson ? ` – ${action.responsiblePerson.displayName}` : ""}
            </dd>
          </div>
          <div>
            <dt>{t("action.due")}</dt>
            <dd>
              {action.dueDate ? formatDay(action.dueDate) : t("action.noDue")}
              {overdue ? <strong className="overdue-label"> {t("action.overdue")}</strong> : null}
            </dd>
          </div>
          {action.conferenceId && action.conference ? (
            <div>
              <dt>{t("action.conference")}</dt>
              <dd>
                <Link to={paths.conference(action.conferenceId)}>
                  {t("action.conferenceOn", {
                    title: action.conference.title,
                    date: formatDay(action.conference.scheduledAt),
                  })}
                </Link>
              </dd>
            </div>
          ) : null}
        </dl>
      </div>
      <div className="action-side">
        <StatusBadge status={action.status} />
        <ActionStatusSelect action={action} />
        <div className="action-buttons">
          {action.canEdit ? (
            <button type="button" className="button-quiet" {...toggle("edit")}>
              {action.needsNewOwner ? t("action.reassign") : t("action.edit")}
            </button>
          ) : null}
          <button type="button" className="button-quiet" {...toggle("history")}>
            {t("action.history")}
          </button>
          <button type="button" className="button-quiet" {...toggle("comments")}>
            {t("comments.toggle", { count: action.commentCount })}
          </button>
        </div>
      </div>
      <div id={drawerId} hidden={drawer === null} className="action-comments">
        {drawer === "comments" ? (
          <ActionComments actionId={action.id} caseId={action.caseId} />
        ) : null}
        {drawer === "edit" ? (
          <ActionEditForm action={action} onDone={() => setDrawer(null)} />
        ) : null}
        {drawer === "history" ? (
          <ActionHistory actionId={action.id} known={knownNames(action)} />
        ) : null}
      </div>
    </article>
  );
}
