import {
  AGENCY_KINDS,
  type TAgency,
  type TAgencyKind,
  type TCreateAgencyRequest,
  type TUpdateAgencyRequest,
  ZCreateAgencyRequest,
  ZUpdateAgencyRequest,
} from "@runder-tisch/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/endpoints.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { useFocusFirstField } from "../../components/disclosure.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { Field } from "../../components/field.tsx";
import { type FieldErrors, fieldErrors, serverFieldErrors } from "../../components/form-errors.ts";

type SaveRequest =
  | { mode: "create"; body: TCreateAgencyRequest }
  | { mode: "update"; id: string; body: TUpdateAgencyRequest };

interface Draft {
  name: string;
  kind: TAgencyKind | "";
  active: boolean;
}

/** Only what changed goes to the server, so the audit trail names the real change. */
function changes(agency: TAgency, draft: Draft): TUpdateAgencyRequest {
  const change: TUpdateAgencyRequest = {};
  if (draft.name.trim() !== agency.name) change.name = draft.name;
  if (draft.kind !== agency.kind && draft.kind !== "") change.kind = draft.kind;
  if (draft.active !== agency.active) change.active = draft.active;
  return change;
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
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstField(form);
  const [draft, setDraft] = useState<Draft>({
    name: agency?.name ?? "",
    kind: agency?.kind ?? "",
    active: agency?.active ?? true,
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const save = useMutation({
    mutationFn: (request: SaveRequest) =>
      request.mode === "create"
        ? api.createAgency(request.body)
        : api.updateAgency(request.id, request.body),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.agencies });
      onSaved(saved);
    },
    onError: (error) => setErrors(serverFieldErrors(error)),
  });
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    if (agency) {
      const change = changes(agency, draft);
      // An edit without changes is not an error: there is simply nothing to save.
      if (Object.keys(change).length === 0) return onDone();
      const parsed = ZUpdateAgencyRequest.safeParse(change);
      const input = change;
      if (!parsed.success) return setErrors(fieldErrors(parsed.error, input));
      setErrors({});
      return save.mutate({ mode: "update", id: agency.id, body: parsed.data });
    }
    const input = {
      name: draft.name,
      kind: draft.kind || undefined,
    };
    const parsed = ZCreateAgencyRequest.safeParse(input);
    if (!parsed.success) return setErrors(fieldErrors(parsed.error, input));
    setErrors({});
    save.mutate({ mode: "create", body: parsed.data });
  }

  return (
    <form
      ref={form}
      className={agency ? "form-card" : "form-card form-create"}
      onSubmit={submit}
      noValidate
    >
      <h2 className="form-title">
        {agency ? t("agencies.editTitle", { name: agency.name }) : t("agencies.newTitle")}
      </h2>
      <Field label={t("agencies.name")} error={errors.name}>
        {(props) => (
          <input {...props} value={draft.name} onChange={(e) => set("name", e.target.value)} />
        )}
      </Field>
      <Field label={t("agencies.kind")} error={errors.kind}>
        {(props) => (
          <select
            {...props}
            value={draft.kind}
            onChange={(e) => set("kind", e.target.value as Draft["kind"])}
          >
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
              checked={draft.active}
              aria-describedby={`${agency.id}-active-hint`}
              onChange={(e) => set("active", e.target.checked)}
            />
            {t("agencies.activeLabel")}
          </label>
          <span className="field-hint" id={`${agency.id}-active-hint`}>
            {t("agencies.activeHint")}
          </span>
        </div>
      ) : null}
      {Object.keys(errors).length === 0 ? <ErrorMessage error={save.error} /> : null}
      <div className="form-buttons">
        <button type="submit" className="button-primary" disabled={save.isPending}>
          {agency ? t("common.save") : t("agencies.create")}
        </button>
        <button type="button" className="button-quiet" onClick={onDone}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}
