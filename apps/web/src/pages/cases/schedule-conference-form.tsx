import {
  type TCase,
  type TConference,
  type TCreateConferenceRequest,
  ZCreateConferenceRequest,
  ZUpdateConferenceRequest,
} from "@runder-tisch/contracts";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { createConference, updateConference } from "../../api/case-conferences.ts";
import { fetchSharingBases } from "../../api/cases.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { Field } from "../../forms/field.tsx";
import { FormButtons } from "../../forms/form-buttons.tsx";
import { useSchemaForm } from "../../forms/use-schema-form.ts";

/** `2026-12-08T09:00:00.000Z` → the local `2026-12-08T10:00` a datetime-local field shows. */
function localInputValue(iso: string): string {
  const date = new Date(iso);
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

/**
 * Plans a conference, or changes a planned one (`existing`); only agencies with an
 * active basis can be invited. Removing an agency from a running conference closes
 * its room at once.
 */
export function ScheduleConferenceForm({
  entry,
  existing,
  onDone,
}: {
  entry: TCase;
  existing?: TConference;
  onDone(): void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const bases = useQuery({
    queryKey: queryKeys.sharingBases(entry.id),
    queryFn: () => fetchSharingBases(entry.id),
  });
  const candidates = new Map<string, string>();
  for (const basis of bases.data?.sharingBases ?? []) {
    if (basis.active) candidates.set(basis.agency.id, basis.agency.name);
  }
  const form = useSchemaForm({
    schema: existing ? ZUpdateConferenceRequest : ZCreateConferenceRequest,
    initial: () => ({
      title: existing?.title ?? t("schedule.defaultTitle", { code: entry.code }),
      scheduledAt: existing ? localInputValue(existing.scheduledAt) : "",
      durationMinutes: String(existing?.durationMinutes ?? 60),
      location: existing?.location ?? "",
      videoLink: existing?.videoLink ?? "",
      participants: existing?.participants.map((p) => p.agency.id) ?? ([] as string[]),
      observers:
        existing?.participants.filter((p) => p.role === "observer").map((p) => p.agency.id) ??
        ([] as string[]),
      repeat: false,
      everyWeeks: "4",
      count: "3",
    }),
    toInput: (draft) => ({
      title: draft.title,
      scheduledAt: draft.scheduledAt ? new Date(draft.scheduledAt).toISOString() : "",
      durationMinutes: Number(draft.durationMinutes),
      location: draft.location,
      videoLink: draft.videoLink,
      participants: draft.participants.map((agencyId) => ({
        agencyId,
        role: draft.observers.includes(agencyId) ? "observer" : "editor",
      })),
      ...(!existing && draft.repeat
        ? { series: { everyWeeks: Number(draft.everyWeeks), count: Number(draft.count) } }
        : {}),
    }),
    // Without `existing` the body passed ZCreateConferenceRequest, the schema chosen above.
    send: (body) =>
      existing
        ? updateConference(existing.id, body)
        : createConference(entry.id, body as TCreateConferenceRequest),
    onSaved: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.case(entry.id) });
      if (existing) {
        void queryClient.invalidateQueries({ queryKey: queryKeys.conference(existing.id) });
      }
      void queryClient.invalidateQueries({ queryKey: queryKeys.upcoming });
      onDone();
    },
  });
  return (
    <form className="form-card" onSubmit={form.submit} noValidate>
      <h3>{existing ? t("schedule.editTitle") : t("schedule.title")}</h3>
      <Field label={t("schedule.name")} error={form.errors.title}>
        {(props) => <input {...props} {...form.bind("title")} />}
      </Field>
      <Field label={t("schedule.when")} error={form.errors.scheduledAt}>
        {(props) => <input {...props} {...form.bind("scheduledAt")} type="datetime-local" />}
      </Field>
      {existing ? null : (
        <fieldset>
          <legend>{t("schedule.series")}</legend>
          <label className="check">
            <input type="checkbox" {...form.check("repeat")} />
            {t("schedule.repeat")}
          </label>
          {form.draft.repeat ? (
            <div className="series-fields">
              <Field label={t("schedule.everyWeeks")} error={form.errors.everyWeeks}>
                {(props) => (
                  <input {...props} {...form.bind("everyWeeks")} type="number" min={1} max={26} />
                )}
              </Field>
              <Field label={t("schedule.count")} error={form.errors.count}>
                {(props) => (
                  <input {...props} {...form.bind("count")} type="number" min={2} max={12} />
                )}
              </Field>
            </div>
          ) : null}
        </fieldset>
      )}
      <Field label={t("schedule.duration")} error={form.errors.durationMinutes}>
        {(props) => (
          <input
            {...props}
            {...form.bind("durationMinutes")}
            type="number"
            min={15}
            max={480}
            step={15}
          />
        )}
      </Field>
      <Field
        label={t("schedule.location")}
        hint={t("schedule.locationHint")}
        error={form.errors.location}
      >
        {(props) => <input {...props} {...form.bind("location")} />}
      </Field>
      <Field label={t("schedule.videoLink")} error={form.errors.videoLink}>
        {(props) => (
          <input {...props} {...form.bind("videoLink")} type="url" placeholder="https://" />
        )}
      </Field>
      <fieldset>
        <legend>{t("schedule.invite")}</legend>
        {candidates.size === 0 ? <p className="muted">{t("schedule.noCandidates")}</p> : null}
        {[...candidates].map(([id, name]) => {
          const invited = form.draft.participants.includes(id);
          return (
            <div key={id} className="invite-row">
              <label className="check">
                <input
                  type="checkbox"
                  checked={invited}
                  onChange={(event) => form.toggle("participants", id, event.target.checked)}
                />
                {name}
              </label>
              {invited ? (
                <label className="check">
                  <input
                    type="checkbox"
                    checked={form.draft.observers.includes(id)}
                    onChange={(event) => form.toggle("observers", id, event.target.checked)}
                  />
                  {t("schedule.observer", { agency: name })}
                </label>
              ) : null}
            </div>
          );
        })}
      </fieldset>
      <FormButtons
        label={existing ? t("schedule.save") : t("schedule.submit")}
        form={form}
        onCancel={onDone}
      />
    </form>
  );
}
