import { type TCase, ZCreateConferenceRequest } from "@runder-tisch/contracts";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api/endpoints.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { Field } from "../../forms/field.tsx";
import { FormButtons } from "../../forms/form-buttons.tsx";
import { useSchemaForm } from "../../forms/use-schema-form.ts";

/** Plans a conference; only agencies with an active basis can be invited. */
export function ScheduleConferenceForm({ entry, onDone }: { entry: TCase; onDone(): void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const bases = useQuery({
    queryKey: queryKeys.sharingBases(entry.id),
    queryFn: () => api.sharingBases(entry.id),
  });
  const candidates = new Map<string, string>();
  for (const basis of bases.data?.sharingBases ?? []) {
    if (basis.active) candidates.set(basis.agency.id, basis.agency.name);
  }
  const form = useSchemaForm({
    schema: ZCreateConferenceRequest,
    initial: () => ({
      title: t("schedule.defaultTitle", { code: entry.code }),
      scheduledAt: "",
      participants: [] as string[],
    }),
    toInput: (draft) => ({
      title: draft.title,
      scheduledAt: draft.scheduledAt ? new Date(draft.scheduledAt).toISOString() : "",
      participants: draft.participants.map((agencyId) => ({ agencyId, role: "editor" })),
    }),
    send: (body) => api.createConference(entry.id, body),
    onSaved: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.case(entry.id) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.upcoming });
      onDone();
    },
  });
  return (
    <form className="form-card" onSubmit={form.submit} noValidate>
      <h3>{t("schedule.title")}</h3>
      <Field label={t("schedule.name")} error={form.errors.title}>
        {(props) => <input {...props} {...form.bind("title")} />}
      </Field>
      <Field label={t("schedule.when")} error={form.errors.scheduledAt}>
        {(props) => <input {...props} {...form.bind("scheduledAt")} type="datetime-local" />}
      </Field>
      <fieldset>
        <legend>{t("schedule.invite")}</legend>
        {candidates.size === 0 ? <p className="muted">{t("schedule.noCandidates")}</p> : null}
        {[...candidates].map(([id, name]) => (
          <label key={id} className="check">
            <input
              type="checkbox"
              checked={form.draft.participants.includes(id)}
              onChange={(event) => form.toggle("participants", id, event.target.checked)}
            />
            {name}
          </label>
        ))}
      </fieldset>
      <FormButtons label={t("schedule.submit")} form={form} onCancel={onDone} />
    </form>
  );
}
