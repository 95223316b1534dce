import { ZCreateWorkingGroupRequest } from "@runder-tisch/contracts";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { queryKeys } from "../../api/query-keys.ts";
import { createWorkingGroup, fetchWorkingGroups } from "../../api/working-groups.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { Loading } from "../../components/loading.tsx";
import { Page } from "../../components/page.tsx";
import { Field } from "../../forms/field.tsx";
import { FormButtons } from "../../forms/form-buttons.tsx";
import { useSchemaForm } from "../../forms/use-schema-form.ts";
import { paths } from "../../routes/paths.ts";

/** The steering group founds a group and goes straight to it, to name its members. */
function NewGroupForm() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const navigate = useNavigate();
  const form = useSchemaForm({
    personalDataOverride: false,
    schema: ZCreateWorkingGroupRequest,
    initial: { name: "", purpose: "" },
    send: createWorkingGroup,
    onSaved: (group) => {
      void client.invalidateQueries({ queryKey: queryKeys.workingGroups });
      navigate(paths.workingGroup(group.id));
    },
  });
  return (
    <form className="form-card" onSubmit={form.submit} noValidate>
      <h2>{t("workingGroups.newGroup")}</h2>
      <Field label={t("workingGroups.name")} error={form.errors.name}>
        {(props) => <input {...props} {...form.bind("name")} />}
      </Field>
      <Field label={t("workingGroups.purpose")} error={form.errors.purpose}>
        {(props) => <textarea {...props} {...form.bind("purpose")} rows={3} />}
      </Field>
      <FormButtons label={t("workingGroups.found")} form={form} />
    </form>
  );
}

/** The groups I am in; the steering group sees all of them and may found new ones. */
export function WorkingGroupsPage() {
  const { t } = useTranslation();
  const list = useQuery({ queryKey: queryKeys.workingGroups, queryFn: fetchWorkingGroups });
  return (
    <Page title={t("workingGroups.title")}>
      <p className="lead">{t("workingGroups.intro")}</p>
      <ErrorMessage error={list.error} />
      {list.isPending ? <Loading label={t("common.loading")} /> : null}
      {list.data?.groups.length === 0 ? (
        <p className="empty">{t("workingGroups.noGroups")}</p>
      ) : null}
      <ul className="admin-list">
        {list.data?.groups.map((group) => (
          <li key={group.id}>
            <h2>
              <Link to={paths.workingGroup(group.id)}>{group.name}</Link>
            </h2>
            {group.purpose ? <p>{group.purpose}</p> : null}
            <p className="muted">{t("workingGroups.memberCount", { count: group.memberCount })}</p>
          </li>
        ))}
      </ul>
      {list.data?.canManage ? <NewGroupForm /> : null}
    </Page>
  );
}
