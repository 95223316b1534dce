import {
  AGENCY_KINDS,
  type TAgency,
  type TAgencyKind,
  type TUpdateAgencyRequest,
  ZCreateAgencyRequest,
  ZUpdateAgencyRequest,
} from "@runder-tisch/contracts";
import { useQueryClient } from "@tanstack/react-query";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { createAgency, updateAgency } from "../../api/agencies.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { useFocusFirstField } from "../../components/disclosure.ts";
import { Field } from "../../forms/field.tsx";
import { FormButtons } from "../../forms/form-buttons.tsx";
import { useSchemaForm } from "../../forms/use-schema-form.ts";

interface Draft {
  name: string;
  kind: TAgencyKind | "";
  active: boolean;
}

/**
 * Only what changed goes to the server, so the audit trail names the real change; an
 * edit without changes is not an error, there is simply nothing to save.
 */
function changes(agency: TAgency, draft: Draft): TUpdateAgencyRequest | null {
  const change: TUpdateAgencyRequest = {};
  if (draft.name.trim() !== agency.name) change.name = draft.name;
  if (draft.kind !== agency.kind && draft.kind !== "") change.kind = draft.kind;
  if (draft.active !== agency.active) change.active = draft.active;
  return Object.keys(change).length > 0 ? change : null;
}

/** Creates an agency, or edits one when `agency` is given. */
export function AgencyForm({
  agency,
  onDone,
  onSaved,
}: {
  agency?: TAgency;
  onDone(): void;
  onSaved(saved: TAgency): void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const ref = useRef<HTMLFormElement>(null);
  useFocusFirstField(ref);
  const form = useSchemaForm({
    schema: agency ? ZUpdateAgencyRequest : ZCreateAgencyRequest,
    initial: (): Draft => ({
      name: agency?.name ?? "",
      kind: agency?.kind ?? "",
      active: agency?.active ?? true,
    }),
    toInput: (draft) =>
      agency ? changes(agency, draft) : { name: draft.name, kind: draft.kind || undefined },
    send: (body) =>
      agency ? updateAgency(agency.id, body) : createAgency(ZCreateAgencyRequest.parse(body)),
    onSaved: (saved) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.agencies });
      onSaved(saved);
    },
    onUnchanged: onDone,
  });

  return (
    <form
      ref={ref}
      className={agency ? "form-card" : "form-card form-create"}
      onSubmit={form.submit}
      noValidate
    >
      <h2 className="form-title">
        {agency ? t("agencies.editTitle", { name: agency.name }) : t("agencies.newTitle")}
      </h2>
      <Field label={t("agencies.name")} error={form.errors.name}>
        {(props) => <input {...props} {...form.bind("name")} />}
      </Field>
      <Field label={t("agencies.kind")} error={form.errors.kind}>
        {(props) => (
          <select {...props} {...form.bind("kind")}>
            <option value="">{t("common.choose")}</option>
            {AGENCY_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`agencyKind.${kind}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {agency ? (
        <div className="field">
          <label className="check">
            <input
              type="checkbox"
              {...form.check("active")}
              aria-describedby={`${agency.id}-active-hint`}
            />
            {t("agencies.activeLabel")}
          </label>
          <span className="field-hint" id={`${agency.id}-active-hint`}>
            {t("agencies.activeHint")}
          </span>
        </div>
      ) : null}
      <FormButtons
        label={agency ? t("common.save") : t("agencies.create")}
        form={form}
        onCancel={onDone}
      />
    </form>
  );
}
