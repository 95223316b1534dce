import { createAction } from "@runder-tisch/conference-doc";
import { type TAgencyRef, ZCreateActionRequest } from "@runder-tisch/contracts";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type * as Y from "yjs";
import type { z } from "zod";
import { api } from "../../api/endpoints.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { Field } from "../../components/field.tsx";
import { type FieldErrors, fieldErrors } from "../../components/form-errors.ts";

type TCreateActionRequestParsed = z.output<typeof ZCreateActionRequest>;

interface Draft {
  title: string;
  description: string;
  responsibleAgencyId: string;
  responsiblePersonId: string;
  dueDate: string;
}
const emptyDraft: Draft = {
  title: "",
  description: "",
  responsibleAgencyId: "",
  responsiblePersonId: "",
  dueDate: "",
};

/**
 * Agrees on a new action. It is written into the conference document only; the server
 * projects document actions into its actions table (with the same rules as the REST
 * API), which puts it into the responsible agency's inbox. Rejections come back as the
 * entry's projection error.
 */
export function NewActionForm({
  doc,
  agencies,
  selectedText,
}: {
  doc: Y.Doc;
  agencies: TAgencyRef[];
  selectedText: string;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [created, setCreated] = useState("");
  const people = useQuery({
    queryKey: queryKeys.agencyPeople(draft.responsibleAgencyId),
    queryFn: () => api.agencyPeople(draft.responsibleAgencyId),
    enabled: draft.responsibleAgencyId !== "",
  });
  const create = (action: TCreateActionRequestParsed) => {
    createAction(doc, {
      title: action.title,
      description: action.description,
      responsibleAgencyId: action.responsibleAgencyId,
      responsiblePersonId: action.responsiblePersonId,
      dueDate: action.dueDate,
    });
    setCreated(t("room.actionCreated", { title: action.title }));
    setDraft(emptyDraft);
  };
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    setCreated("");
    const input = {
      title: draft.title,
      description: draft.description,
      responsibleAgencyId: draft.responsibleAgencyId,
      responsiblePersonId: draft.responsiblePersonId || null,
      dueDate: draft.dueDate || null,
    };
    const parsed = ZCreateActionRequest.safeParse(input);
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error, input));
      return;
    }
    setErrors({});
    create(parsed.data);
  }

  return (
    <form className="form-card new-action" onSubmit={submit} noValidate>
      <h3>{t("room.newAction")}</h3>
      <Field label={t("room.actionTitle")} error={errors.title}>
        {(props) => (
          <input {...props} value={draft.title} onChange={(e) => set("title", e.target.value)} />
        )}
      </Field>
      <button
        type="button"
        className="button-quiet"
        disabled={!selectedText}
        onClick={() => set("title", selectedText.slice(0, 300))}
      >
        {t("room.useSelection")}
      </button>
      <Field label={t("room.actionDescription")} error={errors.description}>
        {(props) => (
          <textarea
            {...props}
            rows={2}
            value={draft.description}
            onChange={(e) => set("description", e.target.value)}
          />
        )}
      </Field>
      <Field label={t("room.actionAgency")} error={errors.responsibleAgencyId}>
        {(props) => (
          <select
            {...props}
            value={draft.responsibleAgencyId}
            onChange={(e) =>
              setDraft((current) => ({
                ...current,
                responsibleAgencyId: e.target.value,
                responsiblePersonId: "",
              }))
            }
          >
            <option value="">{t("common.choose")}</option>
            {agencies.map((agency) => (
              <option key={agency.id} value={agency.id}>
                {agency.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t("room.actionPerson")} error={errors.responsiblePersonId}>
        {(props) => (
          <select
            {...props}
            value={draft.responsiblePersonId}
            disabled={!draft.responsibleAgencyId}
            onChange={(e) => set("responsiblePersonId", e.target.value)}
          >
            <option value="">{t("room.anyPerson")}</option>
            {people.data?.people.map((person) => (
              <option key={person.id} value={person.id}>
                {person.displayName}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t("room.actionDue")} error={errors.dueDate}>
        {(props) => (
          <input
            {...props}
            type="date"
            value={draft.dueDate}
            onChange={(e) => set("dueDate", e.target.value)}
          />
        )}
      </Field>
      <p className="visually-hidden" role="status">
        {created}
      </p>
      <button type="submit" className="button-primary">
        {t("room.createAction")}
      </button>
    </form>
  );
}
