import { type TWorkingGroupDetail, ZCreateSystemicActionRequest } from "@runder-tisch/contracts";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { fetchAgencies } from "../../api/agencies.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { createSystemicAction } from "../../api/working-groups.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { Field } from "../../forms/field.tsx";
import { FormButtons } from "../../forms/form-buttons.tsx";
import { useSchemaForm } from "../../forms/use-schema-form.ts";
import { SystemicActionTable } from "./systemic-action-table.tsx";

/** Gives an agency work that follows from the group; it lands in that agency's inbox. */
function NewSystemicActionForm({ group }: { group: TWorkingGroupDetail }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const agencies = useQuery({ queryKey: queryKeys.agencies, queryFn: fetchAgencies });
  const form = useSchemaForm({
    personalDataOverride: false,
    schema: ZCreateSystemicActionRequest,
    initial: { text: "", ownerAgencyId: "", dueDate: "", topicId: "" },
    toInput: (draft) => ({
      text: draft.text,
      ownerAgencyId: draft.ownerAgencyId,
      dueDate: draft.dueDate || null,
      topicId: draft.topicId || null,
    }),
    send: (body) => createSystemicAction(group.id, body),
    onSaved: () => void client.invalidateQueries({ queryKey: queryKeys.workingGroup(group.id) }),
    resetOnSaved: true,
  });
  return (
    <form className="form-card" onSubmit={form.submit} noValidate>
      <h3>{t("workingGroups.action.new")}</h3>
      <Field label={t("workingGroups.action.text")} error={form.errors.text}>
        {(props) => <textarea {...props} {...form.bind("text")} rows={2} />}
      </Field>
      <Field label={t("workingGroups.action.ownerAgency")} error={form.errors.ownerAgencyId}>
        {(props) => (
          <select {...props} {...form.bind("ownerAgencyId")}>
            <option value="">{t("common.choose")}</option>
            {agencies.data?.agencies.map((agency) => (
              <option key={agency.id} value={agency.id}>
                {agency.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t("workingGroups.action.dueDate")} error={form.errors.dueDate}>
        {(props) => <input {...props} type="date" {...form.bind("dueDate")} />}
      </Field>
      {group.topics.length > 0 ? (
        <Field label={t("workingGroups.action.topic")} error={form.errors.topicId}>
          {(props) => (
            <select {...props} {...form.bind("topicId")}>
              <option value="">{t("workingGroups.action.noTopic")}</option>
              {group.topics.map((topic) => (
                <option key={topic.topicId} value={topic.topicId}>
                  {topic.title}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      <ErrorMessage error={agencies.error} />
      <FormButtons label={t("workingGroups.action.create")} form={form} />
    </form>
  );
}

export function GroupActions({ group }: { group: TWorkingGroupDetail }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="group-actions" className="group-section">
      <h2 id="group-actions">{t("workingGroups.action.title")}</h2>
      {group.actions.length === 0 ? (
        <p className="empty">{t("workingGroups.action.none")}</p>
      ) : (
        <SystemicActionTable
          actions={group.actions}
          caption={t("workingGroups.action.title")}
          show="agency"
          editable={group.member}
        />
      )}
      {group.member ? <NewSystemicActionForm group={group} /> : null}
    </section>
  );
}
