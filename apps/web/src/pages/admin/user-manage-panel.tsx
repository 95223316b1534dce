import {
  type TUpdateUserRequest,
  type TUser,
  type TUserRole,
  USER_ROLES,
  ZPassword,
  ZUpdateUserRequest,
} from "@runder-tisch/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api/endpoints.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { useFocusFirstField } from "../../components/disclosure.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { Field } from "../../components/field.tsx";
import {
  type FieldError,
  type FieldErrors,
  fieldErrors,
  serverFieldErrors,
} from "../../components/form-errors.ts";
import { useMe } from "../../session/session.tsx";
import { isLocked } from "./user-state.ts";

type Announce = (text: string) => void;

function useUserUpdate(user: TUser, onError?: (error: unknown) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TUpdateUserRequest) => api.updateUser(user.id, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.users }),
    onError,
  });
}

function NameAndRoleForm({ user, announce }: { user: TUser; announce: Announce }) {
  const { t } = useTranslation();
  const me = useMe();
  const form = useRef<HTMLFormElement>(null);
  useFocusFirstField(form);
  const [displayName, setDisplayName] = useState(user.displayName);
  const [role, setRole] = useState<TUserRole>(user.role);
  const [errors, setErrors] = useState<FieldErrors>({});
  const update = useUserUpdate(user, (error) => setErrors(serverFieldErrors(error)));
  function submit(event: FormEvent) {
    event.preventDefault();
    const change: TUpdateUserRequest = {};
    if (displayName.trim() !== user.displayName) change.displayName = displayName;
    if (role !== user.role) change.role = role;
    if (Object.keys(change).length === 0) return announce(t("users.nothingChanged"));
    const parsed = ZUpdateUserRequest.safeParse(change);
    const input = change;
    if (!parsed.success) return setErrors(fieldErrors(parsed.error, input));
    setErrors({});
    update.mutate(parsed.data, {
      onSuccess: (saved) => announce(t("users.saved", { name: saved.displayName })),
    });
  }
  return (
    <form ref={form} onSubmit={submit} noValidate>
      <Field label={t("users.displayName")} error={errors.displayName}>
        {(props) => (
          <input {...props} value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
        )}
      </Field>
      {me.user.role === "platform_admin" && user.id !== me.user.id ? (
        <Field label={t("users.role")} error={errors.role}>
          {(props) => (
            <select {...props} value={role} onChange={(e) => setRole(e.target.value as TUserRole)}>
              {USER_ROLES.map((option) => (
                <option key={option} value={option}>
                  {t(`role.${option}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      {Object.keys(errors).length === 0 ? <ErrorMessage error={update.error} /> : null}
      <button type="submit" className="button-primary" disabled={update.isPending}>
        {t("users.saveChanges")}
      </button>
    </form>
  );
}

function PasswordForm({ user, announce }: { user: TUser; announce: Announce }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState("");
  const [error, setError] = useState<FieldError | undefined>();
  const update = useUserUpdate(user, (failure) => setError(serverFieldErrors(failure).password));
  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = ZPassword.safeParse(password);
    const input = password;
    if (!parsed.success) return setError(fieldErrors(parsed.error, input).form);
    setError(undefined);
    update.mutate(
      { password: parsed.data },
      {
        onSuccess: (saved) => {
          setPassword("");
          announce(t("users.passwordSet", { name: saved.displayName }));
        },
      },
    );
  }
  return (
    <form onSubmit={submit} noValidate className="subform">
      <Field label={t("users.newPassword")} hint={t("users.passwordHint")} error={error}>
        {(props) => (
          <input
            {...props}
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        )}
      </Field>
      {error ? null : <ErrorMessage error={update.error} />}
      <button type="submit" className="button" disabled={update.isPending}>
        {t("users.setPassword")}
      </button>
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
