import { SIGN_IN_FAILURES, type TSignInOptions } from "@runder-tisch/contracts";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation, useSearchParams } from "react-router";
import { queryKeys } from "../../api/query-keys.ts";
import { fetchSignInOptions, signInWithUrl } from "../../api/sign-in.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { Loading } from "../../components/loading.tsx";
import { markNavigated } from "../../components/page.tsx";
import { LanguageSwitch } from "../../layout/language-switch.tsx";
import { paths } from "../../routes/paths.ts";
import { useSession } from "../../session/session.tsx";
import { PasswordForm } from "./password-form.tsx";

function targetAfterLogin(state: unknown): string {
  if (state && typeof state === "object" && "from" in state && typeof state.from === "string") {
    return state.from.startsWith(paths.login) ? paths.inbox : state.from;
  }
  return paths.inbox;
}

const isSignInFailure = (code: string): code is (typeof SIGN_IN_FAILURES)[number] =>
  (SIGN_IN_FAILURES as readonly string[]).includes(code);

/**
 * Why the last sign-in through a provider came back without a session. The address may be
 * typed or shortened by hand, so an unknown code still gets a sentence.
 */
function SignInFailure({ code }: { code: string }) {
  const { t } = useTranslation();
  return (
    <p className="error-message" role="alert">
      {t(isSignInFailure(code) ? `signInFailure.${code}` : "signInFailure.unknown")}
    </p>
  );
}

/**
 * One link per identity provider. A link, not a button with a fetch: the provider's pages
 * must be visited by the browser itself, and a link also works with the keyboard, opens
 * as people expect, and tells screen readers where it leads.
 */
function ProviderLinks({
  providers,
  returnTo,
}: {
  providers: TSignInOptions["providers"];
  returnTo: string;
}) {
  const { t } = useTranslation();
  return (
    <ul className="login-providers" aria-label={t("login.providersLabel")}>
      {providers.map((provider) => (
        <li key={provider.id}>
          <a className="button-primary button-link" href={signInWithUrl(provider.id, returnTo)}>
            {t("login.signInWith", { label: provider.label })}
          </a>
        </li>
      ))}
    </ul>
  );
}

function introKey(options: TSignInOptions): string {
  if (options.providers.length === 0) return "login.intro";
  return options.passwordSignIn ? "login.introBoth" : "login.introProviders";
}

export function LoginPage() {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  const [search] = useSearchParams();
  const [askingForCode, setAskingForCode] = useState(false);
  const options = useQuery({
    queryKey: queryKeys.signInOptions,
    queryFn: fetchSignInOptions,
    staleTime: 60_000,
  });

  useEffect(() => {
    document.title = `${t("login.title")} – Runder Tisch`;
    markNavigated();
  }, [t]);

  if (session.me) return <Navigate to={paths.inbox} replace />;

  const returnTo = targetAfterLogin(location.state);
  const failure = search.get("fehler");
  // Without the options (server unreachable) the password form is still the likeliest way in.
  const shown: TSignInOptions = options.data ?? { passwordSignIn: true, providers: [] };
  // While the password form asks for the code, the providers would only distract from it.
  const providers = askingForCode ? [] : shown.providers;
  const both = shown.passwordSignIn && providers.length > 0;

  return (
    <main id="inhalt" className="login-page">
      <div className="login-card">
        <div className="login-top">
          <p className="app-name">{t("app.name")}</p>
          <LanguageSwitch />
        </div>
        <h1>{t("login.title")}</h1>
        {failure ? <SignInFailure code={failure} /> : null}
        {session.lostReason === "session_expired" && !failure ? (
          <p className="notice" role="status">
            {t("login.sessionExpired")}
          </p>
        ) : null}
        {options.isPending ? (
          <Loading label={t("common.loading")} />
        ) : (
          <>
            {askingForCode ? null : <p className="muted">{t(introKey(shown))}</p>}
            <ErrorMessage error={options.error} />
            {providers.length > 0 ? (
              <ProviderLinks providers={providers} returnTo={returnTo} />
            ) : null}
            {both ? (
              <p className="login-or">
                <span>{t("login.or")}</span>
              </p>
            ) : null}
            {shown.passwordSignIn ? (
              <PasswordForm returnTo={returnTo} onCodeStep={setAskingForCode} />
            ) : null}
          </>
        )}
      </div>
    </main>
  );
}
