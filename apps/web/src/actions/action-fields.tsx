import type { ChangeEvent, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Field } from "../forms/field.tsx";
import type { FieldError } from "../forms/form-errors.ts";

type Key = "title" | "responsibleAgencyId" | "dueDate";
type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** The part of a schema form these fields need (useSchemaForm gives it). */
interface ActionFieldsForm {
  bind(key: Key): { value: string; onChange(event: ChangeEvent<Control>): void };
  errors: Partial<Record<Key, FieldError>>;
}

/**
 * What was agreed about an action, as every correcting form asks it: what to do, who
 * does it, by when. `extra` goes between the title and the agency (a description),
 * `afterAgency` after the agency (a person of it).
 */
export function ActionFields({
  form,
  agencies,
  extra,
  afterAgency,
}: {
  form: ActionFieldsForm;
  /** The agencies it can be given to, with the label each is shown by. */
  agencies: { id: string; label: string }[];
  extra?: ReactNode;
  /** Goes right after the agency (the person within it). */
  afterAgency?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Field label={t("actionEdit.title")} error={form.errors.title}>
        {(props) => <input {...props} {...form.bind("title")} />}
      </Field>
      {extra}
      <Field label={t("actionEdit.responsible")} error={form.errors.responsibleAgencyId}>
        {(props) => (
          <select {...props} {...form.bind("responsibleAgencyId")}>
            {agencies.map((agency) => (
              <option key={agency.id} value={agency.id}>
                {agency.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      {afterAgency}
      <Field label={t("actionEdit.due")} error={form.errors.dueDate}>
        {(props) => <input {...props} type="date" {...form.bind("dueDate")} />}
      </Field>
    </>
  );
}
