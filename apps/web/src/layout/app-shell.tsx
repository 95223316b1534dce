import { useMutation, useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { NavLink, useNavigate } from "react-router";
import { queryKeys } from "../api/query-keys.ts";
import { logout } from "../api/session.ts";
import { fetchSteeringMembership } from "../api/steering-membership.ts";
import { paths } from "../routes/paths.ts";
import { useMe, useSession } from "../session/session.tsx";
import { LanguageSwitch } from "./language-switch.tsx";
import { NotificationBell } from "./notification-bell.tsx";

function MainNavigation() {
  const { t } = useTranslation();
  const me = useMe();
  const manages = me.user.role === "coordinator" || me.user.role === "platform_admin";
  const steering = useQuery({
    queryKey: queryKeys.steeringMembership,
    queryFn: fetchSteeringMembership,
    staleTime: 5 * 60_000,
  });
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
        <li>
          <NavLink to={paths.referrals}>{t("nav.referrals")}</NavLink>
        </li>
        {me.agency.kind === "auslaenderbehoerde" ? (
          <li>
            <NavLink to={paths.pathwayCohort} end>
              {t("nav.pathways")}
            </NavLink>
          </li>
        ) : null}
        {steering.data?.member ? (
          <li>
            <NavLink to={paths.steering}>{t("nav.steering")}</NavLink>
          </li>
        ) : null}
        {steering.data?.member || steering.data?.workingGroups ? (
          <li>
            <NavLink to={paths.workingGroups}>{t("nav.workingGroups")}</NavLink>
          </li>
        ) : null}
        {me.user.role === "coordinator" ? (
          <li>
            <NavLink to={paths.pathwayTemplates}>{t("nav.pathwayTemplates")}</NavLink>
          </li>
        ) : null}
        {me.user.role === "platform_admin" ? (
          <>
            <li>
              <NavLink to={paths.agencies}>{t("nav.agencies")}</NavLink>
            </li>
            <li>
              <NavLink to={paths.agendaTemplate}>{t("nav.agendaTemplate")}</NavLink>
            </li>
            <li>
              <NavLink to={paths.themes}>{t("nav.themes")}</NavLink>
            </li>
            <li>
              <NavLink to={paths.signInProviders}>{t("nav.signInProviders")}</NavLink>
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
            <li>
              <NavLink to={paths.evaluation}>{t("nav.evaluation")}</NavLink>
            </li>
          </>
        ) : null}
      </ul>
    </nav>
  );
}

function UserMenu({ restricted }: { restricted: boolean }) {
  const { t } = useTranslation();
  const me = useMe();
  const session = useSession();
  const navigate = useNavigate();
  const signOut = useMutation({
    mutationFn: logout,
    onSettled: (answer) => {
      // A provider's session ends only on its own page, which then sends the browser back to
      // the sign-in page; signing out here alone would let the next person in without asking.
      if (answer?.continueAt) {
        window.location.assign(answer.continueAt);
        return;
      }
      // Leave even if the server is unreachable: the user asked to go.
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
      {restricted ? null : <NotificationBell />}
      {restricted ? null : (
        <NavLink to={paths.account} className="button-quiet button-link">
          {t("nav.account")}
        </NavLink>
      )}
      <LanguageSwitch />
      <button type="button" className="button-quiet" onClick={() => signOut.mutate()}>
        {t("nav.logout")}
      </button>
    </div>
  );
}

/** `restricted`: only the name, the language and signing out, while a set-up holds the app back. */
export function AppShell({
  children,
  restricted = false,
}: {
  children: ReactNode;
  restricted?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <a className="skip-link" href="#inhalt">
        {t("nav.skipToContent")}
      </a>
      <header className="app-header">
        <div className="app-header-inner">
          <span className="app-name">{t("app.name")}</span>
          {restricted ? null : <MainNavigation />}
          <UserMenu restricted={restricted} />
        </div>
      </header>
      <main id="inhalt" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
