import { ZLoginRequest } from "@runder-tisch/contracts";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation, useNavigate } from "react-router";
import { api } from "../../api/endpoints.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { Field } from "../../components/field.tsx";
import { type FieldErrors, fieldErrors } from "../../components/form-errors.ts";
import { markNavigated } from "../../components/page.tsx";
import { LanguageSwitch } from "../../layout/language-switch.tsx";
import { useSession } from "../../session/session.tsx";

function targetAfterLogin(state: unknown): string {
  if (state && typeof state === "object" && "from" in state && typeof state.from === "string") {
    return state.from.startsWith("/anmelden") ? "/" : state.from;
  }
  return "/";
}

export function LoginPage() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const login = useMutation({
    mutationFn: api.login,
    onSuccess: (me) => {
      session.signedIn(me);
      navigate(targetAfterLogin(location.state), { replace: true });
    },
  });

  useEffect(() => {
    document.title = `${t("login.title")} – Runder Tisch`;
    markNavigated();
  }, [t]);

  if (session.me) return <Navigate to="/" replace />;

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = { email, password };
    const parsed = ZLoginRequest.safeParse(input);
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error, input));
      return;
    }
    setErrors({});
    login.mutate(parsed.data);
  }

  return (
    <main id="inhalt" className="login-page">
      <div className="login-card">
        <div className="login-top">
          <p className="app-name">{t("app.name")}</p>
          <LanguageSwitch />
        </div>
        <h1>{t("login.title")}</h1>
        <p className="muted">{t("login.intro")}</p>
        {session.lostReason === "session_expired" && !login.error ? (
          <p className="notice" role="status">
            {t("login.sessionExpired")}
          </p>
        ) : null}
        <form onSubmit={submit} noValidate>
          <Field label={t("login.email")} error={errors.email}>
            {(props) => (
              <input
                {...props}
                type="email"
                autoComplete="username"
                value={email}
                onChange={(event) => setEmail(event.target.value)}
              />
            )}
          </Field>
          <Field label={t("login.password")} error={errors.password}>
            {(props) => (
              <input
                {...props}
                type="password"
                autoComplete="current-password"
                value={password}
                onChange={(event) => setPassword(event.target.value)}
              />
            )}
          </Field>
          <ErrorMessage error={login.error} />
          <button type="submit" className="button-primary" disabled={login.isPending}>
            {login.isPending ? t("login.submitting") : t("login.submit")}
          </button>
        </form>
      </div>
    </main>
  );
}
