import {
  DATA_CATEGORIES,
  type TConsentForm,
  type TDataCategory,
  type TLegalBasis,
} from "@runder-tisch/contracts";
import type { ChangeEvent } from "react";
import { useTranslation } from "react-i18next";
import { today } from "../../components/format.ts";
import { Field, FieldErrorText } from "../../forms/field.tsx";
import type { FieldError } from "../../forms/form-errors.ts";

/** What a sharing basis states, as a form holds it: flat, one field per input. */
export interface BasisDraft {
  purpose: string;
  categories: TDataCategory[];
  kind: "consent" | "statute";
  form: TConsentForm;
  givenOn: string;
  textVersion: string;
  norm: string;
  validUntil: string;
}

export const emptyBasisDraft = (): BasisDraft => ({
  purpose: "",
  categories: ["general"],
  kind: "consent",
  form: "written",
  givenOn: today(),
  textVersion: "",
  norm: "",
  validUntil: "",
});

/** The purpose, categories and legal basis a draft stands for, as the shared schemas take them. */
export function basisOfDraft(draft: BasisDraft) {
  const validUntil = draft.validUntil || null;
  const legalBasis: TLegalBasis =
    draft.kind === "consent"
      ? {
          kind: "consent",
          form: draft.form,
          givenOn: draft.givenOn,
          textVersion: draft.textVersion,
          validUntil,
        }
      : { kind: "statute", norm: draft.norm, validUntil };
  return { purpose: draft.purpose, categories: draft.categories, legalBasis };
}

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
type TextKey = "purpose" | "form" | "givenOn" | "textVersion" | "norm" | "validUntil";

/** The part of a schema form these fields use; any form whose draft holds a basis fits. */
export interface BasisForm {
  draft: BasisDraft;
  errors: Partial<Record<string, FieldError>>;
  bind(key: TextKey): { value: string; onChange(event: ChangeEvent<Control>): void };
  set(key: "kind", value: BasisDraft["kind"]): void;
  toggle(key: "categories", item: unknown, on: boolean): void;
}

/**
 * Purpose, data categories and legal basis (consent with form, date and text version, or a
 * statute), and how long it holds: the same fields wherever a sharing basis is stated.
 */
export function BasisFields({ form, idPrefix }: { form: BasisForm; idPrefix: string }) {
  const { t } = useTranslation();
  return (
    <>
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
            name={`${idPrefix}-basis-kind`}
            checked={form.draft.kind === "consent"}
            onChange={() => form.set("kind", "consent")}
          />
          {t("sharing.kindConsent")}
        </label>
        <label className="check">
          <input
            type="radio"
            name={`${idPrefix}-basis-kind`}
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
    </>
  );
}
