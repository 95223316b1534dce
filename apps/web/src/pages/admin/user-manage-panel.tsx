import {
  type TUpdateUserRequest,
  type TUser,
  type TUserRole,
  USER_ROLES,
  ZUpdateUserRequest,
} from "@runder-tisch/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useRef } from "react";
import { useTranslation } from "react-i18next";
import { queryKeys } from "../../api/query-keys.ts";
import { updateUser } from "../../api/users.ts";
import { useFocusFirstField } from "../../components/disclosure.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { Field } from "../../forms/field.tsx";
import { FormButtons } from "../../forms/form-buttons.tsx";
import { useSchemaForm } from "../../forms/use-schema-form.ts";
import { useMe } from "../../session/session.tsx";
import { isLocked } from "./user-state.ts";

type Announce = (text: string) => void;

function useUserUpdate(user: TUser) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TUpdateUserRequest) => updateUser(user.id, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.users }),
  });
}

/** A change of one person, sent through the form approach every form here shares. */
function useUserForm<TDraft extends object>(
  user: TUser,
  initial: TDraft,
  options: {
    toInput(draft: TDraft): TUpdateUserRequest | null;
    onSaved(saved: TUser): void;
    onUnchanged?(): void;
    resetOnSaved?: boolean;
  },
) {
  const queryClient = useQueryClient();
  return useSchemaForm({
    schema: ZUpdateUserRequest,
    initial,
    ...options,
    send: (body) => updateUser(user.id, body),
    onSaved: (saved) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.users });
      options.onSaved(saved);
    },
  });
}

function NameAndRoleForm({ user, announce }: { user: TUser; announce: Announce }) {
  const { t } = useTranslation();
  const me = useMe();
  const ref = useRef<HTMLFormElement>(null);
  useFocusFirstField(ref);
  const form = useUserForm(
    user,
    { displayName: user.displayName, role: user.role as TUserRole },
    {
      toInput: (draft) => {
        const change: TUpdateUserRequest = {};
        if (draft.displayName.trim() !== user.displayName) change.displayName = draft.displayName;
        if (draft.role !== user.role) change.role = draft.role;
        return Object.keys(change).length > 0 ? change : null;
      },
      onUnchanged: () => announce(t("users.nothingChanged")),
      onSaved: (saved) => announce(t("users.saved", { name: saved.displayName })),
    },
  );
  return (
    <form ref={ref} onSubmit={form.submit} noValidate>
      <Field label={t("users.displayName")} error={form.errors.displayName}>
        {(props) => <input {...props} {...form.bind("displayName")} />}
      </Field>
      {me.user.role === "platform_admin" && user.id !== me.user.id ? (
        <Field label={t("users.role")} error={form.errors.role}>
          {(props) => (
            <select {...props} {...form.bind("role")}>
              {USER_ROLES.map((option) => (
                <option key={option} value={option}>
                  {t(`role.${option}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      <FormButtons label={t("users.saveChanges")} form={form} />
    </form>
  );
}

function PasswordForm({ user, announce }: { user: TUser; announce: Announce }) {
  const { t } = useTranslation();
  const form = useUserForm(
    user,
    { password: "" },
    {
      toInput: (draft) => draft,
      onSaved: (saved) => announce(t("users.passwordSet", { name: saved.displayName })),
      resetOnSaved: true,
    },
  );
  return (
    <form onSubmit={form.submit} noValidate className="subform">
      <Field
        label={t("users.newPassword")}
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
      <FormButtons label={t("users.setPassword")} tone="plain" form={form} />
    </form>
  );
}

function AccessButtons({ user, announce }: { user: TUser; announce: Announce }) {
  const { t } = useTranslation();
  const me = useMe();
  const hintId = useId();
  const update = useUserUpdate(user);
  const self = user.id === me.user.id;
  const run = (body: TUpdateUserRequest, message: string) =>
    update.mutate(body, { onSuccess: () => announce(message) });
  return (
    <div className="subform">
      <div className="form-buttons">
        {self ? null : user.disabled ? (
          <button
            type="button"
            className="button"
            disabled={update.isPending}
            onClick={() =>
              run({ disabled: false }, t("users.enabledNow", { name: user.displayName }))
            }
          >
            {t("users.enable")}
          </button>
        ) : (
          <button
            type="button"
            className="button-danger"
            aria-describedby={hintId}
            disabled={update.isPending}
            onClick={() =>
              run({ disabled: true }, t("users.disabledNow", { name: user.displayName }))
            }
          >
            {t("users.disable")}
          </button>
        )}
        {isLocked(user) ? (
          <button
            type="button"
            className="button"
            disabled={update.isPending}
            onClick={() => run({ unlock: true }, t("users.unlocked", { name: user.displayName }))}
          >
            {t("users.unlock")}
          </button>
        ) : null}
      </div>
      {self ? (
        <p className="muted">{t("users.selfHint")}</p>
      ) : (
        <p className="field-hint" id={hintId}>
          {t("users.disableHint")}
        </p>
      )}
      <ErrorMessage error={update.error} />
    </div>
  );
}

/** Everything a coordinator or the admin may change about one person. */
export function UserManagePanel({
  user,
  announce,
  onClose,
}: {
  user: TUser;
  announce: Announce;
  onClose(): void;
}) {
  const { t } = useTranslation();
  return (
    <div className="form-card">
      <h2 className="form-title">{t("users.manageTitle", { name: user.displayName })}</h2>
      <NameAndRoleForm user={user} announce={announce} />
      <AccessButtons user={user} announce={announce} />
      <PasswordForm user={user} announce={announce} />
      <div className="form-buttons">
        <button type="button" className="button-quiet" onClick={onClose}>
          {t("common.close")}
        </button>
      </div>
    </div>
  );
}
