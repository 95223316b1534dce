import {
  type TIdentityRecord,
  type TIdentityRecordResponse,
  ZIdentityRecord,
} from "@runder-tisch/contracts";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { saveIdentity } from "../../api/case-records.ts";
import { useFocusFirstField } from "../../components/disclosure.ts";
import { Field } from "../../forms/field.tsx";
import { FormButtons } from "../../forms/form-buttons.tsx";
import { useSchemaForm } from "../../forms/use-schema-form.ts";

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
  const ref = useRef<HTMLFormElement>(null);
  useFocusFirstField(ref);
  const form = useSchemaForm({
    schema: ZIdentityRecord,
    initial: {
      name: current?.name ?? "",
      dateOfBirth: current?.dateOfBirth ?? "",
      fileNumber: current?.fileNumber ?? "",
      note: current?.note ?? "",
    },
    toInput: (draft) => ({
      name: draft.name,
      dateOfBirth: blankToNull(draft.dateOfBirth),
      fileNumber: blankToNull(draft.fileNumber),
      note: blankToNull(draft.note),
    }),
    send: (body) => saveIdentity(caseId, body),
    onSaved,
  });
  return (
    <form ref={ref} className="form-card" onSubmit={form.submit} noValidate>
      <h3>{current ? t("identity.editTitle") : t("identity.newTitle")}</h3>
      <p className="notice">{t("identity.staysInAgency", { code })}</p>
      <Field label={t("identity.name")} error={form.errors.name}>
        {(props) => <input {...props} {...form.bind("name")} autoComplete="off" />}
      </Field>
      <Field label={t("identity.dateOfBirthOptional")} error={form.errors.dateOfBirth}>
        {(props) => <input {...props} {...form.bind("dateOfBirth")} type="date" />}
      </Field>
      <Field label={t("identity.fileNumberOptional")} error={form.errors.fileNumber}>
        {(props) => <input {...props} {...form.bind("fileNumber")} autoComplete="off" />}
      </Field>
      <Field label={t("identity.noteOptional")} error={form.errors.note}>
        {(props) => <textarea {...props} {...form.bind("note")} rows={3} />}
      </Field>
      <FormButtons label={t("identity.save")} form={form} onCancel={onDone} />
    </form>
  );
}
