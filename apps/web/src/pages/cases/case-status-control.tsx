import type { TCase, TCaseStatus } from "@runder-tisch/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { updateCase } from "../../api/case-records.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { useDisclosure } from "../../components/disclosure.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { Confirm } from "../../forms/confirm.tsx";

/** Closing starts the deletion period, so it asks once more; reopening does not need to. */
export function CaseStatusControl({
  entry,
  announce,
}: {
  entry: TCase;
  announce(text: string): void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const confirming = useDisclosure();
  // The button under the user's focus is replaced by its opposite; focus follows it.
  const refocus = useRef(false);
  const shownStatus = useRef(entry.status);
  useEffect(() => {
    if (refocus.current && shownStatus.current !== entry.status) {
      confirming.trigger.current?.focus();
    }
    shownStatus.current = entry.status;
    refocus.current = false;
  }, [entry.status, confirming.trigger]);
  const change = useMutation({
    mutationFn: (status: TCaseStatus) => updateCase(entry.id, { status }),
    onSuccess: (updated) => {
      refocus.current = true;
      queryClient.setQueryData(queryKeys.case(entry.id), updated);
      void queryClient.invalidateQueries({ queryKey: queryKeys.cases });
      confirming.hide();
      announce(
        updated.status === "closed"
          ? t("caseStatusChange.closedNow", { code: updated.code })
          : t("caseStatusChange.reopenedNow", { code: updated.code }),
      );
    },
  });
  if (entry.status === "closed")
    return (
      <div className="case-status-control">
        <button
          type="button"
          className="button"
          ref={confirming.trigger}
          disabled={change.isPending}
          onClick={() => change.mutate("open")}
        >
          {t("caseStatusChange.reopen")}
        </button>
        <ErrorMessage error={change.error} />
      </div>
    );
  if (!confirming.open)
    return (
      <div className="case-status-control">
        <button type="button" className="button" ref={confirming.trigger} onClick={confirming.show}>
          {t("caseStatusChange.close")}
        </button>
      </div>
    );
  return (
    <Confirm
      title={t("caseStatusChange.confirmLabel")}
      text={t("caseStatusChange.confirm")}
      label={t("caseStatusChange.closeNow")}
      pending={change.isPending}
      problem={change.error}
      onConfirm={() => change.mutate("closed")}
      onCancel={confirming.hide}
    />
  );
}
