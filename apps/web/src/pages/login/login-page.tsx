import { ZLoginRequest } from "@runder-tisch/contracts";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation, useNavigate } from "react-router";
import { api } from "../../api/endpoints.ts";
import { markNavigated } from "../../components/page.tsx";
import { Field } from "../../forms/field.tsx";
import { FormButtons } from "../../forms/form-buttons.tsx";
import { useSchemaForm } from "../../forms/use-schema-form.ts";
import { LanguageSwitch } from "../../layout/language-switch.tsx";
import { paths } from "../../routes/paths.ts";
import { useSession } from "../../session/session.tsx";

function targetAfterLogin(state: unknown): string {
  if (state && typeof state === "object" && "from" in state && typeof state.from === "string") {
    return state.from.startsWith(paths.login) ? paths.inbox : state.from;
  }
  return paths.inbox;
}

export function LoginPage() {
  const { t } = useTranslation();
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const form = useSchemaForm({
    schema: ZLoginRequest,
    initial: { email: "", password: "" },
    send: api.login,
    onSaved: (me) => {
      session.signedIn(me);
      navigate(targetAfterLogin(location.state), { replace: true });
    },
  });

  useEffect(() => {
    document.title = `${t("login.title")} – Runder Tisch`;
    markNavigated();
  }, [t]);

  if (session.me) return <Navigate to={paths.inbox} replace />;

  return (
    <main id="inhalt" className="login-page">
      <div className="login-card">
        <div className="login-top">
          <p className="app-name">{t("app.name")}</p>
          <LanguageSwitch />
        </div>
        <h1>{t("login.title")}</h1>
        <p className="muted">{t("login.intro")}</p>
        {session.lostReason === "session_expired" && !form.problem ? (
          <p className="notice" role="status">
            {t("login.sessionExpired")}
          </p>
        ) : null}
        <form onSubmit={form.submit} noValidate>
          <Field label={t("login.email")} error={form.errors.email}>
            {(props) => (
              <input {...props} {...form.bind("email")} type="email" autoComplete="username" />
            )}
          </Field>
          <Field label={t("login.password")} error={form.errors.password}>
            {(props) => (
              <input
                {...props}
                {...form.bind("password")}
                type="password"
                autoComplete="current-password"
              />
            )}
          </Field>
          <FormButtons
            label={form.pending ? t("login.submitting") : t("login.submit")}
            form={form}
          />
        </form>
      </div>
    </main>
  );
}
