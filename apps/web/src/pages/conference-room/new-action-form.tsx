import { createAction } from "@runder-tisch/conference-doc";
import { type TAgencyRef, TEXT_LIMITS, ZCreateActionRequest } from "@runder-tisch/contracts";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type * as Y from "yjs";
import { fetchAgencyPeople } from "../../api/agency-people.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { Field } from "../../forms/field.tsx";
import { FormButtons } from "../../forms/form-buttons.tsx";
import { useSchemaForm } from "../../forms/use-schema-form.ts";
import { guardRoomFields, roomTextGuard } from "./room-text-guard.ts";

const emptyDraft = {
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
  by,
}: {
  doc: Y.Doc;
  agencies: TAgencyRef[];
  selectedText: string;
  by: string;
}) {
  const { t } = useTranslation();
  const [created, setCreated] = useState("");
  const form = useSchemaForm({
    schema: ZCreateActionRequest,
    initial: emptyDraft,
    toInput: (draft) => ({
      ...draft,
      responsiblePersonId: draft.responsiblePersonId || null,
      dueDate: draft.dueDate || null,
    }),
    send: (action) => {
      guardRoomFields(
        roomTextGuard(doc, by),
        { title: action.title, description: action.description },
        action.notPersonalDataReason,
      );
      return createAction(doc, {
        title: action.title,
        description: action.description,
        responsibleAgencyId: action.responsibleAgencyId,
        responsiblePersonId: action.responsiblePersonId,
        dueDate: action.dueDate,
      });
    },
    onSaved: (_id, action) => setCreated(t("room.actionCreated", { title: action.title })),
    resetOnSaved: true,
  });
  const agencyId = form.draft.responsibleAgencyId;
  const people = useQuery({
    queryKey: queryKeys.agencyPeople(agencyId),
    queryFn: () => fetchAgencyPeople(agencyId),
    enabled: agencyId !== "",
  });

  return (
    <form
      className="form-card new-action"
      onSubmit={(event) => {
        setCreated("");
        form.submit(event);
      }}
      noValidate
    >
      <h3>{t("room.newAction")}</h3>
      <Field label={t("room.actionTitle")} error={form.errors.title}>
        {(props) => <input {...props} {...form.bind("title")} />}
      </Field>
      <button
        type="button"
        className="button-quiet"
        disabled={!selectedText}
        onClick={() => form.set("title", selectedText.slice(0, TEXT_LIMITS.actionTitle))}
      >
        {t("room.useSelection")}
      </button>
      <Field label={t("room.actionDescription")} error={form.errors.description}>
        {(props) => <textarea {...props} {...form.bind("description")} rows={2} />}
      </Field>
      <Field label={t("room.actionAgency")} error={form.errors.responsibleAgencyId}>
        {(props) => (
          <select
            {...props}
            value={agencyId}
            onChange={(event) => {
              form.set("responsibleAgencyId", event.target.value);
              form.set("responsiblePersonId", "");
            }}
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
      <Field label={t("room.actionPerson")} error={form.errors.responsiblePersonId}>
        {(props) => (
          <select {...props} {...form.bind("responsiblePersonId")} disabled={!agencyId}>
            <option value="">{t("room.anyPerson")}</option>
            {people.data?.people.map((person) => (
              <option key={person.id} value={person.id}>
                {person.displayName}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t("room.actionDue")} error={form.errors.dueDate}>
        {(props) => <input {...props} {...form.bind("dueDate")} type="date" />}
      </Field>
      <p className="visually-hidden" role="status">
        {created}
      </p>
      <FormButtons label={t("room.createAction")} form={form} />
    </form>
  );
}
