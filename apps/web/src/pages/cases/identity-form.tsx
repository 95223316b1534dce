import {
  type TIdentityRecord,
  type TIdentityRecordInput,
  type TIdentityRecordResponse,
  ZIdentityRecord,
} from "@runder-tisch/contracts";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/endpoints.ts";
import { useFocusFirstField } from "../../components/disclosure.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { Field } from "../../components/field.tsx";
import { type FieldErrors, fieldErrors, serverFieldErrors } from "../../components/form-errors.ts";

const blankToNull = (value: string) => (value.trim() ? value : null);

/** Records or corrects who is behind the case code; it never leaves the owning agency. */
export function IdentityForm({
  caseId,
  code,
  current,
  onDone,
  onSaved,
}: {
  caseId: string;
  code: string;
  current: TIdentityRecord | null;
  onDone(): void;
  onSaved(saved: TIdentityRecordResponse): void;
}) {
  const { t } = useTranslation();
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstField(form);
  const [draft, setDraft] = useState({
    name: current?.name ?? "",
    dateOfBirth: current?.dateOfBirth ?? "",
    fileNumber: current?.fileNumber ?? "",
    note: current?.note ?? "",
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const save = useMutation({
    mutationFn: (body: TIdentityRecordInput) => api.saveIdentity(caseId, body),
    onSuccess: onSaved,
    onError: (error) => setErrors(serverFieldErrors(error)),
  });
  const set = (key: keyof typeof draft, value: string) =>
    setDraft((previous) => ({ ...previous, [key]: value }));
  function submit(event: FormEvent) {
    event.preventDefault();
    const input = {
      name: draft.name,
      dateOfBirth: blankToNull(draft.dateOfBirth),
      fileNumber: blankToNull(draft.fileNumber),
      note: blankToNull(draft.note),
    };
    const parsed = ZIdentityRecord.safeParse(input);
    if (!parsed.success) return setErrors(fieldErrors(parsed.error, input));
    setErrors({});
    save.mutate(parsed.data);
  }
  return (
    <form ref={form} className="form-card" onSubmit={submit} noValidate>
      <h3>{current ? t("identity.editTitle") : t("identity.newTitle")}</h3>
      <p className="notice">{t("identity.staysInAgency", { code })}</p>
      <Field label={t("identity.name")} error={errors.name}>
        {(props) => (
          <input
            {...props}
            autoComplete="off"
            value={draft.name}
            onChange={(e) => set("name", e.target.value)}
          />
        )}
      </Field>
      <Field label={t("identity.dateOfBirthOptional")} error={errors.dateOfBirth}>
        {(props) => (
          <input
            {...props}
            type="date"
            value={draft.dateOfBirth}
            onChange={(e) => set("dateOfBirth", e.target.value)}
          />
        )}
      </Field>
      <Field label={t("identity.fileNumberOptional")} error={errors.fileNumber}>
        {(props) => (
          <input
            {...props}
            autoComplete="off"
            value={draft.fileNumber}
            onChange={(e) => set("fileNumber", e.target.value)}
          />
        )}
      </Field>
      <Field label={t("identity.noteOptional")} error={errors.note}>
        {(props) => (
          <textarea
            {...props}
            rows={3}
            value={draft.note}
            onChange={(e) => set("note", e.target.value)}
          />
        )}
      </Field>
      {Object.keys(errors).length === 0 ? <ErrorMessage error={save.error} /> : null}
      <div className="form-buttons">
        <button type="submit" className="button-primary" disabled={save.isPending}>
          {t("identity.save")}
        </button>
        <button type="button" className="button-quiet" onClick={onDone}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}
