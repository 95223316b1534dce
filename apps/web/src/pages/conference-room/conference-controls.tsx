import type { TConference, TConferenceStatus } from "@runder-tisch/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { changeConferenceStatus } from "../../api/conference-room.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { CancelConference } from "./cancel-conference.tsx";

const NEXT: Partial<Record<TConferenceStatus, { status: TConferenceStatus; label: string }>> = {
  planned: { status: "live", label: "room.start" },
  live: { status: "concluded", label: "room.conclude" },
};

/** Start, conclude or call off: only the agency that owns the case leads the conference. */
export function ConferenceControls({ conference }: { conference: TConference }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const next = NEXT[conference.status];
  const change = useMutation({
    mutationFn: (status: TConferenceStatus) => changeConferenceStatus(conference.id, { status }),
    onSuccess: (updated) => {
      queryClient.setQueryData(queryKeys.conference(conference.id), updated);
      void queryClient.invalidateQueries({ queryKey: queryKeys.upcoming });
      void queryClient.invalidateQueries({ queryKey: queryKeys.case(conference.caseId) });
    },
  });
  if (!conference.isOwner || !next) return null;
  return (
    <div className="conference-controls">
      <button
        type="button"
        className={next.status === "live" ? "button-primary" : "button"}
        disabled={change.isPending}
        onClick={() => change.mutate(next.status)}
      >
        {t(next.label)}
      </button>
      <CancelConference conference={conference} />
      <ErrorMessage error={change.error} />
    </div>
  );
}
