import {
  ATTENDANCE_KINDS,
  type TConference,
  ZRecordAttendanceRequest,
} from "@runder-tisch/contracts";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { fetchAttendance, recordAttendance } from "../../api/conference-room.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { FieldErrorText } from "../../forms/field.tsx";
import { FormButtons } from "../../forms/form-buttons.tsx";
import { useSchemaForm } from "../../forms/use-schema-form.ts";
import { useMe } from "../../session/session.tsx";

/**
 * Who took part, for the minutes: each person records it for themselves, with the
 * confidentiality confirmed when present. After finalising it is the record of who
 * attended (the live presence list only says who is looking now).
 */
export function AttendancePanel({ conference }: { conference: TConference }) {
  const { t } = useTranslation();
  const me = useMe();
  const headingId = useId();
  const queryClient = useQueryClient();
  const key = queryKeys.attendance(conference.id);
  const attendance = useQuery({ queryKey: key, queryFn: () => fetchAttendance(conference.id) });
  const mine = attendance.data?.attendance.find((entry) => entry.person.id === me.user.id);
  const open = conference.status !== "finalised";
  const form = useSchemaForm({
    schema: ZRecordAttendanceRequest,
    initial: {
      kind: "present" as (typeof ATTENDANCE_KINDS)[number],
      confidentialityConfirmed: false,
    },
    send: (body) => recordAttendance(conference.id, body),
    onSaved: () => void queryClient.invalidateQueries({ queryKey: key }),
  });
  return (
    <section aria-labelledby={headingId} className="room-panel attendance">
      <h2 id={headingId}>{open ? t("attendance.title") : t("attendance.titleFinal")}</h2>
      <ErrorMessage error={attendance.error} />
      {attendance.data && attendance.data.attendance.length === 0 ? (
        <p className="empty">{t("attendance.none")}</p>
      ) : null}
      <ul className="presence-list">
        {attendance.data?.attendance.map((entry) => (
          <li key={entry.person.id}>
            <span>
              {entry.person.displayName}
              <span className="muted"> · {entry.agency.name}</span>
              <span className="muted">
                {" "}
                · {t(`attendance.kind.${entry.kind}`)}
                {entry.confidentialityConfirmed ? `, ${t("attendance.confirmed")}` : ""}
              </span>
            </span>
          </li>
        ))}
      </ul>
      {open ? (
        <form onSubmit={form.submit} className="attendance-form" noValidate>
          <fieldset>
            <legend>{mine ? t("attendance.changeMine") : t("attendance.mine")}</legend>
            {ATTENDANCE_KINDS.map((kind) => (
              <label key={kind} className="choice">
                <input
                  type="radio"
                  name="attendance-kind"
                  checked={form.draft.kind === kind}
                  onChange={() => form.set("kind", kind)}
                />
                {t(`attendance.kind.${kind}`)}
              </label>
            ))}
          </fieldset>
          {form.draft.kind === "present" ? (
            <label className="choice">
              <input type="checkbox" {...form.check("confidentialityConfirmed")} />
              {t("attendance.confidentiality")}
            </label>
          ) : null}
          {form.errors.confidentialityConfirmed ? (
            <FieldErrorText error={form.errors.confidentialityConfirmed} />
          ) : null}
          <FormButtons label={t("attendance.save")} tone="plain" form={form} />
        </form>
      ) : null}
    </section>
  );
}
