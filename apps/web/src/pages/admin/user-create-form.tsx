import {
  type TAgency,
  type TCreateUserRequest,
  type TUser,
  type TUserRole,
  USER_ROLES,
  ZCreateUserRequest,
} from "@runder-tisch/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/endpoints.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { useFocusFirstField } from "../../components/disclosure.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { Field } from "../../components/field.tsx";
import { type FieldErrors, fieldErrors, serverFieldErrors } from "../../components/form-errors.ts";
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
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstField(form);
  const [draft, setDraft] = useState({
    displayName: "",
    email: "",
    role: "member" as TUserRole,
    agencyId: defaultAgencyId,
    password: "",
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useMutation({
    mutationFn: (body: TCreateUserRequest) => api.createUser(body),
    onSuccess: (user) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.users });
      onSaved(user);
    },
    onError: (error) => setErrors(serverFieldErrors(error)),
  });
  const set = <K extends keyof typeof draft>(key: K, value: (typeof draft)[K]) =>
    setDraft((current) => ({ ...current, [key]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = ZCreateUserRequest.safeParse(draft);
    const input = draft;
    if (!parsed.success) return setErrors(fieldErrors(parsed.error, input));
    setErrors({});
    create.mutate(parsed.data);
  }

  return (
    <form ref={form} className="form-card form-create" onSubmit={submit} noValidate>
      <h2 className="form-title">{t("users.newTitle")}</h2>
      <p className="muted">{t("users.newIntro")}</p>
      <Field label={t("users.displayName")} error={errors.displayName}>
        {(props) => (
          <input
            {...props}
            autoComplete="off"
            value={draft.displayName}
            onChange={(e) => set("displayName", e.target.value)}
          />
        )}
      </Field>
      <Field label={t("users.email")} error={errors.email}>
        {(props) => (
          <input
            {...props}
            type="email"
            autoComplete="off"
            value={draft.email}
            onChange={(e) => set("email", e.target.value)}
          />
        )}
      </Field>
      {isAdmin ? (
        <>
          <Field label={t("users.agency")} error={errors.agencyId}>
            {(props) => (
              <select
                {...props}
                value={draft.agencyId}
                onChange={(e) => set("agencyId", e.target.value)}
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
          <Field label={t("users.role")} error={errors.role}>
            {(props) => (
              <select
                {...props}
                value={draft.role}
                onChange={(e) => set("role", e.target.value as TUserRole)}
              >
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
        error={errors.password}
      >
        {(props) => (
          <input
            {...props}
            type="password"
            autoComplete="new-password"
            value={draft.password}
            onChange={(e) => set("password", e.target.value)}
          />
        )}
      </Field>
      {Object.keys(errors).length === 0 ? <ErrorMessage error={create.error} /> : null}
      <div className="form-buttons">
        <button type="submit" className="button-primary" disabled={create.isPending}>
          {t("users.create")}
        </button>
        <button type="button" className="button-quiet" onClick={onDone}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}
