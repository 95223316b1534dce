import { type TCase, ZCreateConferenceRequest } from "@runder-tisch/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/endpoints.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { Field } from "../../components/field.tsx";
import { type FieldErrors, fieldErrors } from "../../components/form-errors.ts";

/** Plans a conference; only agencies with an active basis can be invited. */
export function ScheduleConferenceForm({ entry, onDone }: { entry: TCase; onDone(): void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState(t("schedule.defaultTitle", { code: entry.code }));
  const [when, setWhen] = useState("");
  const [invited, setInvited] = useState<Set<string>>(new Set());
  const [errors, setErrors] = useState<FieldErrors>({});
  const bases = useQuery({
    queryKey: [...queryKeys.case(entry.id), "sharing-bases"],
    queryFn: () => api.sharingBases(entry.id),
  });
  const candidates = new Map<string, string>();
  for (const basis of bases.data?.sharingBases ?? []) {
    if (basis.active) candidates.set(basis.agency.id, basis.agency.name);
  }
  const create = useMutation({
    mutationFn: (body: Parameters<typeof api.createConference>[1]) =>
      api.createConference(entry.id, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.case(entry.id) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.upcoming });
      onDone();
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    const scheduledAt = when ? new Date(when).toISOString() : "";
    const input = {
      title,
      scheduledAt,
      participants: [...invited].map((agencyId) => ({ agencyId, role: "editor" })),
    };
    const parsed = ZCreateConferenceRequest.safeParse(input);
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error, input));
      return;
    }
    setErrors({});
    create.mutate(parsed.data);
  }
  const toggle = (id: string) =>
    setInvited((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <form className="form-card" onSubmit={submit} noValidate>
      <h3>{t("schedule.title")}</h3>
      <Field label={t("schedule.name")} error={errors.title}>
        {(props) => <input {...props} value={title} onChange={(e) => setTitle(e.target.value)} />}
      </Field>
      <Field label={t("schedule.when")} error={errors.scheduledAt}>
        {(props) => (
          <input
            {...props}
            type="datetime-local"
            value={when}
            onChange={(e) => setWhen(e.target.value)}
          />
        )}
      </Field>
      <fieldset>
        <legend>{t("schedule.invite")}</legend>
        {candidates.size === 0 ? <p className="muted">{t("schedule.noCandidates")}</p> : null}
        {[...candidates].map(([id, name]) => (
          <label key={id} className="check">
            <input type="checkbox" checked={invited.has(id)} onChange={() => toggle(id)} />
            {name}
          </label>
        ))}
      </fieldset>
      <ErrorMessage error={create.error} />
      <div className="form-buttons">
        <button type="submit" className="button-primary" disabled={create.isPending}>
          {t("schedule.submit")}
        </button>
        <button type="button" className="button-quiet" onClick={onDone}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}
