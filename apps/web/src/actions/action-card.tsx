import type { TAction } from "@runder-tisch/contracts";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDay, isOverdue } from "../components/format.ts";
import { StatusBadge } from "../components/status-badge.tsx";
import { paths } from "../routes/paths.ts";
import { ActionComments } from "./action-comments.tsx";
import { ActionStatusSelect } from "./action-status-select.tsx";

export function ActionCard({ action, showCase = true }: { action: TAction; showCase?: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const commentsId = useId();
  const overdue = isOverdue(action.dueDate, action.status);
  return (
    <article className={overdue ? "action-card overdue" : "action-card"} aria-label={action.title}>
      <div className="action-main">
        <h3 className="action-title">{action.title}</h3>
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
          {action.conferenceId ? (
            <div>
              <dt>{t("action.conference")}</dt>
              <dd>
                <Link to={paths.conference(action.conferenceId)}>{t("action.openConference")}</Link>
              </dd>
            </div>
          ) : null}
        </dl>
      </div>
      <div className="action-side">
        <StatusBadge status={action.status} />
        <ActionStatusSelect action={action} />
        <button
          type="button"
          className="button-quiet"
          aria-expanded={open}
          aria-controls={commentsId}
          onClick={() => setOpen((value) => !value)}
        >
          {t("comments.toggle", { count: action.commentCount })}
        </button>
      </div>
      <div id={commentsId} hidden={!open} className="action-comments">
        {open ? <ActionComments actionId={action.id} caseId={action.caseId} /> : null}
      </div>
    </article>
  );
}
