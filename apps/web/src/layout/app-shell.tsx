import { useMutation } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { NavLink, useNavigate } from "react-router";
import { api } from "../api/endpoints.ts";
import { paths } from "../routes/paths.ts";
import { useMe, useSession } from "../session/session.tsx";
import { LanguageSwitch } from "./language-switch.tsx";

function MainNavigation() {
  const { t } = useTranslation();
  const me = useMe();
  const manages = me.user.role === "coordinator" || me.user.role === "platform_admin";
  return (
    <nav aria-label={t("nav.label")} className="main-nav">
      <ul>
        <li>
          <NavLink to={paths.inbox} end>
            {t("nav.inbox")}
          </NavLink>
        </li>
        <li>
          <NavLink to={paths.cases}>{t("nav.cases")}</NavLink>
        </li>
        <li>
          <NavLink to={paths.conferences} end>
            {t("nav.conferences")}
          </NavLink>
        </li>
        {me.user.role === "platform_admin" ? (
          <>
            <li>
              <NavLink to={paths.agencies}>{t("nav.agencies")}</NavLink>
            </li>
            <li>
              <NavLink to={paths.agendaTemplate}>{t("nav.agendaTemplate")}</NavLink>
            </li>
          </>
        ) : null}
        {manages ? (
          <>
            <li>
              <NavLink to={paths.users}>{t("nav.users")}</NavLink>
            </li>
            <li>
              <NavLink to={paths.audit}>{t("nav.audit")}</NavLink>
            </li>
          </>
        ) : null}
      </ul>
    </nav>
  );
}

function UserMenu() {
  const { t } = useTranslation();
  const me = useMe();
  const session = useSession();
  const navigate = useNavigate();
  const logout = useMutation({
    mutationFn: api.logout,
    // Leave even if the server is unreachable: the user asked to go.
    onSettled: () => {
      session.signedOut();
      navigate(paths.login, { replace: true });
    },
  });
  return (
    <div className="user-menu">
      <span className="user-name">
        {me.user.displayName}
        <span className="user-agency">{me.agency.name}</span>
      </span>
      <LanguageSwitch />
      <button type="button" className="button-quiet" onClick={() => logout.mutate()}>
        {t("nav.logout")}
      </button>
    </div>
  );
}

export function AppShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <a className="skip-link" href="#inhalt">
        {t("nav.skipToContent")}
      </a>
      <header className="app-header">
        <div className="app-header-inner">
          <span className="app-name">{t("app.name")}</span>
          <MainNavigation />
          <UserMenu />
        </div>
      </header>
      <main id="inhalt" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
