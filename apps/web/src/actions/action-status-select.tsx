import { ACTION_STATUSES, type TAction, type TActionStatus } from "@runder-tisch/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../api/endpoints.ts";
import { queryKeys } from "../api/query-keys.ts";
import { ErrorMessage } from "../components/error-message.tsx";

/** Changes the status in place; sends the version it saw so nobody's change is overwritten. */
export function ActionStatusSelect({ action }: { action: TAction }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const change = useMutation({
    mutationFn: (status: TActionStatus) =>
      api.updateAction(action.id, { status, expectedVersion: action.version }),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.inbox });
      void queryClient.invalidateQueries({ queryKey: queryKeys.case(action.caseId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.action(action.id) });
    },
  });
  return (
    <div className="status-select">
      <label>
        <span className="visually-hidden">{t("action.statusOf", { title: action.title })}</span>
        <select
          value={action.status}
          disabled={!action.canEdit || change.isPending}
          onChange={(event) => change.mutate(event.target.value as TActionStatus)}
        >
          {ACTION_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`actionStatus.${status}`)}
            </option>
          ))}
        </select>
      </label>
      <ErrorMessage error={change.error} />
    </div>
  );
}
