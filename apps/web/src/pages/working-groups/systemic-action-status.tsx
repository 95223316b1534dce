import { ACTION_STATUSES, type TActionStatus, type TSystemicAction } from "@runder-tisch/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { queryKeys } from "../../api/query-keys.ts";
import { setSystemicActionStatus } from "../../api/working-groups.ts";
import { ErrorMessage } from "../../components/error-message.tsx";

/**
 * The status of a systemic action, for the owning agency's people and the group's
 * members. Choosing a value (by arrow key, too) only picks it; the button saves it.
 */
export function SystemicActionStatus({ action }: { action: TSystemicAction }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const selectId = useId();
  const [choice, setChoice] = useState<TActionStatus | null>(null);
  const change = useMutation({
    mutationFn: (status: TActionStatus) => setSystemicActionStatus(action.id, { status }),
    onSuccess: () => setChoice(null),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: queryKeys.systemicInbox });
      void client.invalidateQueries({ queryKey: queryKeys.workingGroups });
    },
  });
  const chosen = choice !== null && choice !== action.status;
  return (
    <div className="status-select">
      <label htmlFor={selectId} className="visually-hidden">
        {t("systemicActions.statusOf", { text: action.text })}
      </label>
      <select
        id={selectId}
        value={choice ?? action.status}
        disabled={change.isPending}
        onChange={(event) => setChoice(event.target.value as TActionStatus)}
      >
        {ACTION_STATUSES.map((status) => (
          <option key={status} value={status}>
            {t(`actionStatus.${status}`)}
          </option>
        ))}
      </select>
      {chosen ? (
        <button
          type="button"
          className="button"
          disabled={change.isPending}
          onClick={() => change.mutate(choice)}
        >
          {t("systemicActions.saveStatus")}
        </button>
      ) : null}
      <ErrorMessage error={change.error} />
    </div>
  );
}
