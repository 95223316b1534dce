import {
  type TAgency,
  type TUser,
  type TUserRole,
  USER_ROLES,
  ZCreateUserRequest,
} from "@runder-tisch/contracts";
import { useQueryClient } from "@tanstack/react-query";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { queryKeys } from "../../api/query-keys.ts";
import { createUser } from "../../api/users.ts";
import { useFocusFirstField } from "../../components/disclosure.ts";
import { Field } from "../../forms/field.tsx";
import { FormButtons } from "../../forms/form-buttons.tsx";
import { useSchemaForm } from "../../forms/use-schema-form.ts";
import { useMe } from "../../session/session.tsx";

/**
 * Adds a person. Coordinators add members of their own agency; the platform
 * admin picks agency and role.
 */
export function UserCreateForm({
  agencies,
  defaultAgencyId,
  onDone,
  onSaved,
}: {
  agencies: TAgency[];
  defaultAgencyId: string;
  onDone(): void;
  onSaved(user: TUser): void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const isAdmin = me.user.role === "platform_admin";
  const queryClient = useQueryClient();
  const ref = useRef<HTMLFormElement>(null);
  useFocusFirstField(ref);
  const form = useSchemaForm({
    schema: ZCreateUserRequest,
    initial: () => ({
      displayName: "",
      email: "",
      role: "member" as TUserRole,
      agencyId: defaultAgencyId,
      password: "",
    }),
    send: createUser,
    onSaved: (user) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.users });
      onSaved(user);
    },
  });

  return (
    <form ref={ref} className="form-card form-create" onSubmit={form.submit} noValidate>
      <h2 className="form-title">{t("users.newTitle")}</h2>
      <p className="muted">{t("users.newIntro")}</p>
      <Field label={t("users.displayName")} error={form.errors.displayName}>
        {(props) => <input {...props} {...form.bind("displayName")} autoComplete="off" />}
      </Field>
      <Field label={t("users.email")} error={form.errors.email}>
        {(props) => <input {...props} {...form.bind("email")} type="email" autoComplete="off" />}
      </Field>
      {isAdmin ? (
        <>
          <Field label={t("users.agency")} error={form.errors.agencyId}>
            {(props) => (
              <select {...props} {...form.bind("agencyId")}>
                <option value="">{t("common.choose")}</option>
                {agencies.map((agency) => (
                  <option key={agency.id} value={agency.id}>
                    {agency.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t("users.role")} error={form.errors.role}>
            {(props) => (
              <select {...props} {...form.bind("role")}>
                {USER_ROLES.map((role) => (
                  <option key={role} value={role}>
                    {t(`role.${role}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </>
      ) : (
        <p className="muted">{t("users.memberOnly", { agency: me.agency.name })}</p>
      )}
      <Field
        label={t("users.initialPassword")}
        hint={t("users.passwordHint")}
        error={form.errors.password}
      >
        {(props) => (
          <input
            {...props}
            {...form.bind("password")}
            type="password"
            autoComplete="new-password"
          />
        )}
      </Field>
      <FormButtons label={t("users.create")} form={form} onCancel={onDone} />
    </form>
  );
}
