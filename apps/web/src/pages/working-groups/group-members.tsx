import { type TWorkingGroupDetail, ZAddWorkingGroupMemberRequest } from "@runder-tisch/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { fetchAgencies } from "../../api/agencies.ts";
import { fetchAgencyPeople } from "../../api/agency-people.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { addWorkingGroupMember, removeWorkingGroupMember } from "../../api/working-groups.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { Field } from "../../forms/field.tsx";
import { FormButtons } from "../../forms/form-buttons.tsx";
import { useSchemaForm } from "../../forms/use-schema-form.ts";

/** Writes a changed group into the cache, and lets the list (member counts) ask again. */
export function useStoreGroup() {
  const client = useQueryClient();
  return (group: TWorkingGroupDetail) => {
    client.setQueryData(queryKeys.workingGroup(group.id), group);
    void client.invalidateQueries({ queryKey: queryKeys.workingGroups });
  };
}

/** The steering group names a person of any agency: first the agency, then the person. */
function AddMemberForm({ group }: { group: TWorkingGroupDetail }) {
  const { t } = useTranslation();
  const store = useStoreGroup();
  const form = useSchemaForm({
    schema: ZAddWorkingGroupMemberRequest,
    initial: { agencyId: "", userId: "" },
    toInput: (draft) => ({ userId: draft.userId }),
    send: (body) => addWorkingGroupMember(group.id, body.userId),
    onSaved: store,
    resetOnSaved: true,
  });
  const agencies = useQuery({ queryKey: queryKeys.agencies, queryFn: fetchAgencies });
  const agencyId = form.draft.agencyId;
  const people = useQuery({
    queryKey: queryKeys.agencyPeople(agencyId),
    queryFn: () => fetchAgencyPeople(agencyId),
    enabled: agencyId !== "",
  });
  const members = new Set(group.members.map((member) => member.user.id));
  return (
    <form className="inline-form" onSubmit={form.submit} noValidate>
      <Field label={t("workingGroups.agency")}>
        {(props) => (
          <select
            {...props}
            value={agencyId}
            onChange={(event) => {
              form.set("agencyId", event.target.value);
              form.set("userId", "");
            }}
          >
            <option value="">{t("common.choose")}</option>
            {agencies.data?.agencies.map((agency) => (
              <option key={agency.id} value={agency.id}>
                {agency.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t("workingGroups.person")} error={form.errors.userId}>
        {(props) => (
          <select {...props} {...form.bind("userId")} disabled={agencyId === ""}>
            <option value="">{t("common.choose")}</option>
            {people.data?.people
              .filter((person) => !members.has(person.id))
              .map((person) => (
                <option key={person.id} value={person.id}>
                  {person.displayName}
                </option>
              ))}
          </select>
        )}
      </Field>
      <ErrorMessage error={agencies.error ?? people.error} />
      <FormButtons label={t("workingGroups.addMember")} form={form} />
    </form>
  );
}

export function GroupMembers({ group }: { group: TWorkingGroupDetail }) {
  const { t } = useTranslation();
  const store = useStoreGroup();
  const remove = useMutation({
    mutationFn: (userId: string) => removeWorkingGroupMember(group.id, userId),
    onSuccess: store,
  });
  return (
    <section aria-labelledby="group-members" className="group-section">
      <h2 id="group-members">{t("workingGroups.members")}</h2>
      {group.members.length === 0 ? <p className="empty">{t("workingGroups.noMembers")}</p> : null}
      <ul>
        {group.members.map(({ user, agency }) => (
          <li key={user.id}>
            {user.displayName} <span className="muted">· {agency.name}</span>
            {group.canManage ? (
              <>
                {" "}
                <button
                  type="button"
                  className="button-quiet"
                  disabled={remove.isPending}
                  onClick={() => remove.mutate(user.id)}
                  aria-label={t("workingGroups.removeMemberLabel", { name: user.displayName })}
                >
                  {t("workingGroups.removeMember")}
                </button>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      <ErrorMessage error={remove.error} />
      {group.canManage ? <AddMemberForm group={group} /> : null}
    </section>
  );
}
