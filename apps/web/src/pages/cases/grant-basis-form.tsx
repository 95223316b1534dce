import {
  DATA_CATEGORIES,
  type TCase,
  type TCreateSharingBasisRequest,
  type TDataCategory,
  ZCreateSharingBasisRequest,
} from "@runder-tisch/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/endpoints.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { Field } from "../../components/field.tsx";
import { type FieldErrors, fieldErrors } from "../../components/form-errors.ts";
import { today } from "../../components/format.ts";

interface Draft {
  agencyId: string;
  purpose: string;
  categories: TDataCategory[];
  kind: "consent" | "statute";
  form: "written" | "electronic";
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
  const agencies = useQuery({ queryKey: queryKeys.agencies, queryFn: api.agencies });
  const [draft, setDraft] = useState<Draft>({
    agencyId: "",
    purpose: "",
    categories: ["general"],
    kind: "consent",
    form: "written",
    givenOn: today(),
    textVersion: "",
    norm: "",
    validUntil: "",
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const grant = useMutation({
    mutationFn: (body: TCreateSharingBasisRequest) => api.grantSharingBasis(entry.id, body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.case(entry.id) });
      onDone();
    },
  });
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));
  function submit(event: FormEvent) {
    event.preventDefault();
    const input = toRequest(draft);
    const parsed = ZCreateSharingBasisRequest.safeParse(input);
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error, input));
      return;
    }
    setErrors({});
    grant.mutate(parsed.data);
  }
  const others = (agencies.data?.agencies ?? []).filter(
    (agency) => agency.active && agency.id !== entry.ownerAgency.id,
  );
  return (
    <form className="form-card" onSubmit={submit} noValidate>
      <h3>{t("sharing.grantTitle")}</h3>
      <Field label={t("sharing.agency")} error={errors.agencyId}>
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
      <Field label={t("sharing.purpose")} error={errors.purpose} hint={t("sharing.purposeHint")}>
        {(props) => (
          <input
            {...props}
            value={draft.purpose}
            onChange={(e) => set("purpose", e.target.value)}
          />
        )}
      </Field>
      <fieldset>
        <legend>{t("sharing.categories")}</legend>
        {DATA_CATEGORIES.map((category) => (
          <label key={category} className="check">
            <input
              type="checkbox"
              checked={draft.categories.includes(category)}
              onChange={(e) =>
                set(
                  "categories",
                  e.target.checked
                    ? [...draft.categories, category]
                    : draft.categories.filter((item) => item !== category),
                )
              }
            />
            {t(`dataCategory.${category}`)}
          </label>
        ))}
        {errors.categories ? (
          <p className="field-error">{t("sharing.categoriesRequired")}</p>
        ) : null}
      </fieldset>
      <fieldset>
        <legend>{t("sharing.legalBasis")}</legend>
        <label className="check">
          <input
            type="radio"
            name="basis-kind"
            checked={draft.kind === "consent"}
            onChange={() => set("kind", "consent")}
          />
          {t("sharing.kindConsent")}
        </label>
        <label className="check">
          <input
            type="radio"
            name="basis-kind"
            checked={draft.kind === "statute"}
            onChange={() => set("kind", "statute")}
          />
          {t("sharing.kindStatute")}
        </label>
      </fieldset>
      {draft.kind === "consent" ? (
        <>
          <Field label={t("sharing.consentForm")}>
            {(props) => (
              <select
                {...props}
                value={draft.form}
                onChange={(e) => set("form", e.target.value as Draft["form"])}
              >
                <option value="written">{t("consentForm.written")}</option>
                <option value="electronic">{t("consentForm.electronic")}</option>
              </select>
            )}
          </Field>
          <Field label={t("sharing.givenOn")} error={errors["legalBasis.givenOn"]}>
            {(props) => (
              <input
                {...props}
                type="date"
                value={draft.givenOn}
                onChange={(e) => set("givenOn", e.target.value)}
              />
            )}
          </Field>
          <Field
            label={t("sharing.textVersion")}
            hint={t("sharing.textVersionHint")}
            error={errors["legalBasis.textVersion"]}
          >
            {(props) => (
              <input
                {...props}
                value={draft.textVersion}
                onChange={(e) => set("textVersion", e.target.value)}
              />
            )}
          </Field>
        </>
      ) : (
        <Field
          label={t("sharing.norm")}
          hint={t("sharing.normHint")}
          error={errors["legalBasis.norm"]}
        >
          {(props) => (
            <input {...props} value={draft.norm} onChange={(e) => set("norm", e.target.value)} />
          )}
        </Field>
      )}
      <Field label={t("sharing.validUntilLabel")} error={errors["legalBasis.validUntil"]}>
        {(props) => (
          <input
            {...props}
            type="date"
            value={draft.validUntil}
            onChange={(e) => set("validUntil", e.target.value)}
          />
        )}
      </Field>
      <ErrorMessage error={grant.error} />
      <div className="form-buttons">
        <button type="submit" className="button-primary" disabled={grant.isPending}>
          {t("sharing.grantSubmit")}
        </button>
        <button type="button" className="button-quiet" onClick={onDone}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}
