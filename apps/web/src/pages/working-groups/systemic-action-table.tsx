import type { TSystemicAction } from "@runder-tisch/contracts";
import { useTranslation } from "react-i18next";
import { formatDay } from "../../components/format.ts";
import { SystemicActionStatus } from "./systemic-action-status.tsx";

/**
 * Systemic actions as a table: in the inbox with the group they came from, on a group's
 * page with the agency that owns them. `editable` says whether the status can be set.
 */
export function SystemicActionTable({
  actions,
  caption,
  show,
  editable,
}: {
  actions: TSystemicAction[];
  caption: string;
  show: "group" | "agency";
  editable: boolean;
}) {
  const { t } = useTranslation();
  return (
    <table className="data-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t("systemicActions.text")}</th>
          <th scope="col">
            {show === "group" ? t("systemicActions.group") : t("systemicActions.agency")}
          </th>
          <th scope="col">{t("systemicActions.due")}</th>
          <th scope="col">{t("systemicActions.status")}</th>
        </tr>
      </thead>
      <tbody>
        {actions.map((action) => (
          <tr key={action.id}>
            <th scope="row">{action.text}</th>
            <td>{show === "group" ? action.workingGroup.name : action.ownerAgency.name}</td>
            <td>{action.dueDate ? formatDay(action.dueDate) : t("systemicActions.noDue")}</td>
            <td>
              {editable ? (
                <SystemicActionStatus action={action} />
              ) : (
                t(`actionStatus.${action.status}`)
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
