import { type TAction, ZUpdateActionRequest } from "@runder-tisch/contracts";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { updateAction } from "../api/actions.ts";
import { fetchAgencyPeople } from "../api/agency-people.ts";
import { queryKeys } from "../api/query-keys.ts";
import { Field } from "../forms/field.tsx";
import { FormButtons } from "../forms/form-buttons.tsx";
import { useSchemaForm } from "../forms/use-schema-form.ts";
import { ActionFields } from "./action-fields.tsx";
import { useResponsibleCandidates } from "./responsible-candidates.ts";

interface Draft {
  title: string;
  description: string;
  responsibleAgencyId: string;
  /** Empty: nobody in particular. */
  responsiblePersonId: string;
  dueDate: string;
}

/** Only what changed is sent, with the version seen, so nobody's change is overwritten. */
function changedFields(action: TAction, draft: Draft, peopleOfAgency: readonly string[]) {
  const dueDate = draft.dueDate === "" ? null : draft.dueDate;
  // A person picked for another agency than the one now chosen does not count.
  const person = peopleOfAgency.includes(draft.responsiblePersonId)
    ? draft.responsiblePersonId
    : null;
  const changes = {
    ...(person !== (action.responsiblePerson?.id ?? null) ? { responsiblePersonId: person } : {}),
    ...(draft.title !== action.title ? { title: draft.title } : {}),
    ...(draft.description !== action.description ? { description: draft.description } : {}),
    ...(draft.responsibleAgencyId !== action.responsibleAgency.id
      ? { responsibleAgencyId: draft.responsibleAgencyId }
      : {}),
    ...(dueDate !== action.dueDate ? { dueDate } : {}),
  };
  return Object.keys(changes).length === 0 ? null : { ...changes, expectedVersion: action.version };
}

/** Corrects what was agreed: title, description, responsible agency and due date. */
export function ActionEditForm({ action, onDone }: { action: TAction; onDone(): void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const candidates = useResponsibleCandidates(action.caseId, true);
  const agencies = candidates.some((agency) => agency.id === action.responsibleAgency.id)
    ? candidates
    : [action.responsibleAgency, ...candidates];
  const form = useSchemaForm({
    schema: ZUpdateActionRequest,
    initial: {
      title: action.title,
      description: action.description,
      responsibleAgencyId: action.responsibleAgency.id,
      responsiblePersonId: action.responsiblePerson?.id ?? "",
      dueDate: action.dueDate ?? "",
    },
    toInput: (draft) => changedFields(action, draft, personIds),
    send: (body) => updateAction(action.id, body),
    onSaved: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.inbox });
      void queryClient.invalidateQueries({ queryKey: queryKeys.case(action.caseId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.action(action.id) });
      onDone();
    },
    onUnchanged: onDone,
  });
  // Declared after the form on purpose: the people follow the agency chosen in it.
  const agencyId = form.draft.responsibleAgencyId;
  const people = useQuery({
    queryKey: queryKeys.agencyPeople(agencyId),
    queryFn: () => fetchAgencyPeople(agencyId),
  });
  const personIds: string[] = people.data?.people.map((person) => person.id) ?? [];
  return (
    <form onSubmit={form.submit} className="action-edit-form" noValidate>
      <ActionFields
        form={form}
        agencies={agencies.map((agency) => ({
          id: agency.id,
          label:
            agency.id === action.responsibleAgency.id && action.needsNewOwner
              ? t("actionEdit.lostAccess", { agency: agency.name })
              : agency.name,
        }))}
        extra={
          <Field label={t("actionEdit.description")} error={form.errors.description}>
            {(props) => <textarea {...props} {...form.bind("description")} rows={2} />}
          </Field>
        }
        afterAgency={
          <Field label={t("actionEdit.person")} error={form.errors.responsiblePersonId}>
            {(props) => (
              <select
                {...props}
                value={
                  personIds.includes(form.draft.responsiblePersonId)
                    ? form.draft.responsiblePersonId
                    : ""
                }
                onChange={(event) => form.set("responsiblePersonId", event.target.value)}
              >
                <option value="">{t("actionEdit.anyPerson")}</option>
                {people.data?.people.map((person) => (
                  <option key={person.id} value={person.id}>
                    {person.displayName}
                  </option>
                ))}
              </select>
            )}
          </Field>
        }
      />
      <FormButtons label={t("actionEdit.save")} form={form} onCancel={onDone} />
    </form>
  );
}
