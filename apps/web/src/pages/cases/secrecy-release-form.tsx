import {
  type TCase,
  type TConsentForm,
  type TCreateSecrecyReleaseRequest,
  ZCreateSecrecyReleaseRequest,
} from "@runder-tisch/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/endpoints.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { useFocusFirstField } from "../../components/disclosure.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { Field } from "../../components/field.tsx";
import { type FieldErrors, fieldErrors, serverFieldErrors } from "../../components/form-errors.ts";
import { today } from "../../components/format.ts";

/** Records that the person released an agency's staff from professional secrecy. */
export function SecrecyReleaseForm({
  entry,
  onDone,
  onSaved,
}: {
  entry: TCase;
  onDone(): void;
  onSaved(agencyName: string): void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstField(form);
  const agencies = useQuery({ queryKey: queryKeys.agencies, queryFn: api.agencies });
  const [draft, setDraft] = useState({
    agencyId: "",
    form: "written" as TConsentForm,
    givenOn: today(),
    scope: "",
    validUntil: "",
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const record = useMutation({
    mutationFn: (body: TCreateSecrecyReleaseRequest) => api.recordSecrecyRelease(entry.id, body),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.case(entry.id) });
      onSaved(saved.agency.name);
    },
    onError: (error) => setErrors(serverFieldErrors(error)),
  });
  const set = <K extends keyof typeof draft>(key: K, value: (typeof draft)[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));
  function submit(event: FormEvent) {
    event.preventDefault();
    const input = {
      ...draft,
      givenOn: draft.givenOn || undefined,
      validUntil: draft.validUntil || null,
    };
    const parsed = ZCreateSecrecyReleaseRequest.safeParse(input);
    if (!parsed.success) return setErrors(fieldErrors(parsed.error, input));
    setErrors({});
    record.mutate(parsed.data);
  }
  const others = (agencies.data?.agencies ?? []).filter(
    (agency) => agency.active && agency.id !== entry.ownerAgency.id,
  );
  return (
    <form ref={form} className="form-card" onSubmit={submit} noValidate>
      <h3>{t("secrecy.newTitle")}</h3>
      <Field label={t("secrecy.agency")} error={errors.agencyId}>
        {(props) => (
          <select
            {...props}
            value={draft.agencyId}
            onChange={(e) => set("agencyId", e.target.value)}
          >
            <option value="">{t("common.choose")}</option>
            {others.map((agency) => (
              <option key={agency.id} value={agency.id}>
                {agency.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t("secrecy.scope")} hint={t("secrecy.scopeHint")} error={errors.scope}>
        {(props) => (
          <input {...props} value={draft.scope} onChange={(e) => set("scope", e.target.value)} />
        )}
      </Field>
      <Field label={t("secrecy.form")}>
        {(props) => (
          <select
            {...props}
            value={draft.form}
            onChange={(e) => set("form", e.target.value as TConsentForm)}
          >
            <option value="written">{t("consentForm.written")}</option>
            <option value="electronic">{t("consentForm.electronic")}</option>
          </select>
        )}
      </Field>
      <Field label={t("secrecy.givenOn")} error={errors.givenOn}>
        {(props) => (
          <input
            {...props}
            type="date"
            value={draft.givenOn}
            onChange={(e) => set("givenOn", e.target.value)}
          />
        )}
      </Field>
      <Field label={t("secrecy.validUntilLabel")} error={errors.validUntil}>
        {(props) => (
          <input
            {...props}
            type="date"
            value={draft.validUntil}
            onChange={(e) => set("validUntil", e.target.value)}
          />
        )}
      </Field>
      {Object.keys(errors).length === 0 ? <ErrorMessage error={record.error} /> : null}
      <div className="form-buttons">
        <button type="submit" className="button-primary" disabled={record.isPending}>
          {t("secrecy.submit")}
        </button>
        <button type="button" className="button-quiet" onClick={onDone}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}
