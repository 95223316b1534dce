import type { TConference } from "@runder-tisch/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { changeConferenceStatus } from "../../api/conference-room.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { useDisclosure } from "../../components/disclosure.ts";
import { formatDateTime } from "../../components/format.ts";
import { Confirm } from "../../forms/confirm.tsx";
import { paths } from "../../routes/paths.ts";

/**
 * Calling a planned conference off tells every invited agency and withdraws the calendar
 * entry at once, so it asks once more.
 */
export function CancelConference({ conference }: { conference: TConference }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const confirming = useDisclosure();
  const cancel = useMutation({
    mutationFn: () => changeConferenceStatus(conference.id, { status: "cancelled" }),
    onSuccess: (updated) => {
      queryClient.setQueryData(queryKeys.conference(conference.id), updated);
      void queryClient.invalidateQueries({ queryKey: queryKeys.upcoming });
      void queryClient.invalidateQueries({ queryKey: queryKeys.case(conference.caseId) });
    },
  });
  if (!conference.isOwner || conference.status !== "planned") return null;
  if (!confirming.open)
    return (
      <button type="button" className="button" ref={confirming.trigger} onClick={confirming.show}>
        {t("room.cancel")}
      </button>
    );
  return (
    <Confirm
      title={t("room.cancelConfirmLabel")}
      text={t("room.cancelConfirm")}
      label={t("room.cancelNow")}
      pending={cancel.isPending}
      problem={cancel.error}
      onConfirm={() => cancel.mutate()}
      onCancel={confirming.hide}
    />
  );
}

/** Replaces the room of a called-off conference: there is nothing to open any more. */
export function CancelledNotice({ conference }: { conference: TConference }) {
  const { t } = useTranslation();
  return (
    <div className="notice cancelled-notice" role="status">
      <p>
        {t("room.cancelledNotice", {
          date: formatDateTime(conference.scheduledAt),
          code: conference.caseCode,
        })}
      </p>
      <p>
        <Link to={paths.case(conference.caseId)}>{t("room.cancelledBack")}</Link>
      </p>
    </div>
  );
}
