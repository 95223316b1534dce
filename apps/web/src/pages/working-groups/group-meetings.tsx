import {
  type TWorkingGroupDetail,
  ZCreateWorkingGroupMeetingRequest,
} from "@runder-tisch/contracts";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { queryKeys } from "../../api/query-keys.ts";
import { createWorkingGroupMeeting } from "../../api/working-groups.ts";
import { formatDateTime } from "../../components/format.ts";
import { Field } from "../../forms/field.tsx";
import { FormButtons } from "../../forms/form-buttons.tsx";
import { useSchemaForm } from "../../forms/use-schema-form.ts";
import { paths } from "../../routes/paths.ts";

/** A local "YYYY-MM-DDTHH:mm" from the date-time field as the instant the server expects. */
function toInstant(local: string): string {
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? local : date.toISOString();
}

function PlanMeetingForm({ group }: { group: TWorkingGroupDetail }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useSchemaForm({
    personalDataOverride: false,
    schema: ZCreateWorkingGroupMeetingRequest,
    initial: { title: "", startsAt: "" },
    toInput: (draft) => ({ title: draft.title, startsAt: toInstant(draft.startsAt) }),
    send: (body) => createWorkingGroupMeeting(group.id, body),
    onSaved: () => void client.invalidateQueries({ queryKey: queryKeys.workingGroup(group.id) }),
    resetOnSaved: true,
  });
  return (
    <form className="form-card" onSubmit={form.submit} noValidate>
      <h3>{t("workingGroups.planMeeting")}</h3>
      <Field label={t("workingGroups.meetingTitle")} error={form.errors.title}>
        {(props) => <input {...props} {...form.bind("title")} />}
      </Field>
      <Field label={t("workingGroups.startsAt")} error={form.errors.startsAt}>
        {(props) => <input {...props} type="datetime-local" {...form.bind("startsAt")} />}
      </Field>
      <FormButtons label={t("workingGroups.plan")} form={form} />
    </form>
  );
}

export function GroupMeetings({ group }: { group: TWorkingGroupDetail }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="group-meetings" className="group-section">
      <h2 id="group-meetings">{t("workingGroups.meetings")}</h2>
      {group.meetings.length === 0 ? (
        <p className="empty">{t("workingGroups.noMeetings")}</p>
      ) : null}
      <ul>
        {group.meetings.map((meeting) => (
          <li key={meeting.id}>
            {group.member ? (
              <Link to={paths.workingGroupMeeting(meeting.id)}>{meeting.title}</Link>
            ) : (
              meeting.title
            )}{" "}
            <span className="muted">
              · {formatDateTime(meeting.startsAt)} ·{" "}
              {t(`workingGroups.meetingState.${meeting.state}`)}
            </span>
          </li>
        ))}
      </ul>
      {group.member ? <PlanMeetingForm group={group} /> : null}
    </section>
  );
}
