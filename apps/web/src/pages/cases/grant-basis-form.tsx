import {
  DATA_CATEGORIES,
  type TCase,
  type TConsentForm,
  type TCreateSharingBasisRequest,
  type TDataCategory,
  ZCreateSharingBasisRequest,
} from "@runder-tisch/contracts";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { fetchAgencies } from "../../api/agencies.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { grantSharingBasis } from "../../api/sharing.ts";
import { today } from "../../components/format.ts";
import { Field, FieldErrorText } from "../../forms/field.tsx";
import { FormButtons } from "../../forms/form-buttons.tsx";
import { useSchemaForm } from "../../forms/use-schema-form.ts";

interface Draft {
  agencyId: string;
  purpose: string;
  categories: TDataCategory[];
  kind: "consent" | "statute";
  form: TConsentForm;
  givenOn: string;
  textVersion: string;
  norm: string;
  validUntil: string;
}

function toRequest(draft: Draft): TCreateSharingBasisRequest {
  const validUntil = draft.validUntil || null;
  return {
    agencyId: draft.agencyId,
    purpose: draft.purpose,
    categories: draft.categories,
    legalBasis:
      draft.kind === "consent"
        ? {
            kind: "consent",
            form: draft.form,
            givenOn: draft.givenOn,
            textVersion: draft.textVersion,
            validUntil,
          }
        : { kind: "statute", norm: draft.norm, validUntil },
  };
}

/** Records a consent or a statute that lets another agency see this case. */
export function GrantBasisForm({ entry, onDone }: { entry: TCase; onDone(): void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const agencies = useQuery({ queryKey: queryKeys.agencies, queryFn: fetchAgencies });
  const form = useSchemaForm({
    schema: ZCreateSharingBasisRequest,
    initial: (): Draft => ({
      agencyId: "",
      purpose: "",
      categories: ["general"],
      kind: "consent",
      form: "written",
      givenOn: today(),
      textVersion: "",
      norm: "",
      validUntil: "",
    }),
    toInput: toRequest,
    send: (body) => grantSharingBasis(entry.id, body),
    onSaved: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.case(entry.id) });
      onDone();
    },
  });
  const others = (agencies.data?.agencies ?? []).filter(
    (agency) => agency.active && agency.id !== entry.ownerAgency.id,
  );
  return (
    <form className="form-card" onSubmit={form.submit} noValidate>
      <h3>{t("sharing.grantTitle")}</h3>
      <Field label={t("sharing.agency")} error={form.errors.agencyId}>
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
      <Field
        label={t("sharing.purpose")}
        error={form.errors.purpose}
        hint={t("sharing.purposeHint")}
      >
        {(props) => <input {...props} {...form.bind("purpose")} />}
      </Field>
      <fieldset>
        <legend>{t("sharing.categories")}</legend>
        {DATA_CATEGORIES.map((category) => (
          <label key={category} className="check">
            <input
              type="checkbox"
              checked={form.draft.categories.includes(category)}
              onChange={(e) => form.toggle("categories", category, e.target.checked)}
            />
            {t(`dataCategory.${category}`)}
          </label>
        ))}
        {form.errors.categories ? (
          <FieldErrorText
            error={form.errors.categories}
            messages={{ required: t("sharing.categoriesRequired") }}
          />
        ) : null}
      </fieldset>
      <fieldset>
        <legend>{t("sharing.legalBasis")}</legend>
        <label className="check">
          <input
            type="radio"
            name="basis-kind"
            checked={form.draft.kind === "consent"}
            onChange={() => form.set("kind", "consent")}
          />
          {t("sharing.kindConsent")}
        </label>
        <label className="check">
          <input
            type="radio"
            name="basis-kind"
            checked={form.draft.kind === "statute"}
            onChange={() => form.set("kind", "statute")}
          />
          {t("sharing.kindStatute")}
        </label>
      </fieldset>
      {form.draft.kind === "consent" ? (
        <>
          <Field label={t("sharing.consentForm")}>
            {(props) => (
              <select {...props} {...form.bind("form")}>
                <option value="written">{t("consentForm.written")}</option>
                <option value="electronic">{t("consentForm.electronic")}</option>
              </select>
            )}
          </Field>
          <Field label={t("sharing.givenOn")} error={form.errors.givenOn}>
            {(props) => <input {...props} {...form.bind("givenOn")} type="date" />}
          </Field>
          <Field
            label={t("sharing.textVersion")}
            hint={t("sharing.textVersionHint")}
            error={form.errors.textVersion}
          >
            {(props) => <input {...props} {...form.bind("textVersion")} />}
          </Field>
        </>
      ) : (
        <Field label={t("sharing.norm")} hint={t("sharing.normHint")} error={form.errors.norm}>
          {(props) => <input {...props} {...form.bind("norm")} />}
        </Field>
      )}
      <Field label={t("sharing.validUntilLabel")} error={form.errors.validUntil}>
        {(props) => <input {...props} {...form.bind("validUntil")} type="date" />}
      </Field>
      <FormButtons label={t("sharing.grantSubmit")} form={form} onCancel={onDone} />
    </form>
  );
}
