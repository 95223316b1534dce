import { ACTION_STATUSES, type TAction, type TActionStatus } from "@runder-tisch/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { updateAction } from "../api/actions.ts";
import { queryKeys } from "../api/query-keys.ts";
import { ErrorMessage } from "../components/error-message.tsx";
import { useOfferUndo } from "./undo-toast.tsx";

/**
 * Changes the status: picking a value (by mouse or arrow key) only chooses it, the
 * button that then appears saves it, and the toast (which takes the focus, as the
 * button goes) offers to take it back. Sends the version it saw so
 * nobody's change is overwritten.
 */
export function ActionStatusSelect({ action }: { action: TAction }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const offerUndo = useOfferUndo();
  const [choice, setChoice] = useState<TActionStatus | null>(null);
  const selectId = useId();
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.inbox });
    void queryClient.invalidateQueries({ queryKey: queryKeys.case(action.caseId) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.action(action.id) });
  };
  const change = useMutation({
    mutationFn: (status: TActionStatus) =>
      updateAction(action.id, { status, expectedVersion: action.version }),
    onSuccess: (updated) => {
      setChoice(null);
      offerUndo({
        message: t("action.statusChanged", {
          title: action.title,
          status: t(`actionStatus.${updated.status}`),
        }),
        undo: async () => {
          await updateAction(action.id, {
            status: action.status,
            expectedVersion: updated.version,
          });
          refresh();
        },
      });
    },
    onSettled: refresh,
  });
  const chosen = choice !== null && choice !== action.status;
  return (
    <div className="status-select">
      <label htmlFor={selectId} className="visually-hidden">
        {t("action.statusOf", { title: action.title })}
      </label>
      <select
        id={selectId}
        value={choice ?? action.status}
        disabled={!action.canEdit || change.isPending}
        onChange={(event) => setChoice(event.target.value as TActionStatus)}
      >
        {ACTION_STATUSES.map((status) => (
          <option key={status} value={status}>
            {t(`actionStatus.${status}`)}
          </option>
        ))}
      </select>
      {action.canEdit && chosen ? (
        <button
          type="button"
          className="button"
          disabled={change.isPending}
          onClick={() => choice !== null && change.mutate(choice)}
        >
          {t("action.applyStatus")}
        </button>
      ) : null}
      <ErrorMessage error={change.error} />
    </div>
  );
}
