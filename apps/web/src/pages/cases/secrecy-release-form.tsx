import {
  type TCase,
  type TConsentForm,
  ZCreateSecrecyReleaseRequest,
} from "@runder-tisch/contracts";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { fetchAgencies } from "../../api/agencies.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { recordSecrecyRelease } from "../../api/sharing.ts";
import { useFocusFirstField } from "../../components/disclosure.ts";
import { today } from "../../components/format.ts";
import { Field } from "../../forms/field.tsx";
import { FormButtons } from "../../forms/form-buttons.tsx";
import { useSchemaForm } from "../../forms/use-schema-form.ts";

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
  const ref = useRef<HTMLFormElement>(null);
  useFocusFirstField(ref);
  const agencies = useQuery({ queryKey: queryKeys.agencies, queryFn: fetchAgencies });
  const form = useSchemaForm({
    schema: ZCreateSecrecyReleaseRequest,
    initial: () => ({
      agencyId: "",
      form: "written" as TConsentForm,
      givenOn: today(),
      scope: "",
      validUntil: "",
    }),
    toInput: (draft) => ({
      ...draft,
      givenOn: draft.givenOn || undefined,
      validUntil: draft.validUntil || null,
    }),
    send: (body) => recordSecrecyRelease(entry.id, body),
    onSaved: (saved) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.case(entry.id) });
      onSaved(saved.agency.name);
    },
  });
  const others = (agencies.data?.agencies ?? []).filter(
    (agency) => agency.active && agency.id !== entry.ownerAgency.id,
  );
  return (
    <form ref={ref} className="form-card" onSubmit={form.submit} noValidate>
      <h3>{t("secrecy.newTitle")}</h3>
      <Field label={t("secrecy.agency")} error={form.errors.agencyId}>
        {(props) => (
          <select {...props} {...form.bind("agencyId")}>
            <option value="">{t("common.choose")}</option>
            {others.map((agency) => (
              <option key={agency.id} value={agency.id}>
                {agency.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t("secrecy.scope")} hint={t("secrecy.scopeHint")} error={form.errors.scope}>
        {(props) => <input {...props} {...form.bind("scope")} />}
      </Field>
      <Field label={t("secrecy.form")}>
        {(props) => (
          <select {...props} {...form.bind("form")}>
            <option value="written">{t("consentForm.written")}</option>
            <option value="electronic">{t("consentForm.electronic")}</option>
          </select>
        )}
      </Field>
      <Field label={t("secrecy.givenOn")} error={form.errors.givenOn}>
        {(props) => <input {...props} {...form.bind("givenOn")} type="date" />}
      </Field>
      <Field label={t("secrecy.validUntilLabel")} error={form.errors.validUntil}>
        {(props) => <input {...props} {...form.bind("validUntil")} type="date" />}
      </Field>
      <FormButtons label={t("secrecy.submit")} form={form} onCancel={onDone} />
    </form>
  );
}
