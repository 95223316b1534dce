import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, Route, Routes, useLocation } from "react-router";
import { UndoProvider } from "./actions/undo-toast.tsx";
import { Loading } from "./components/loading.tsx";
import { withMessages } from "./i18n/message-packs.ts";
import { AppShell } from "./layout/app-shell.tsx";
import { LiveEventsProvider } from "./live/live-events.tsx";
import { UpcomingPage } from "./pages/conferences/upcoming-page.tsx";
import { InboxPage } from "./pages/inbox/inbox-page.tsx";
import { paths, ROUTES } from "./routes/paths.ts";
import { SessionProvider, useSession } from "./session/session.tsx";

// The conference room carries the editor and Yjs; everyone else should not download them.
const ConferenceRoomPage = lazy(() =>
  import("./pages/conference-room/conference-room-page.tsx").then((module) => ({
    default: module.ConferenceRoomPage,
  })),
);

// A case's page carries the forms for bases, identity, releases and disputes, and their
// texts; the inbox and the conference room do without them.
const caseMessages = () => import("./i18n/case-messages.ts");
const CasePage = lazy(() =>
  withMessages(import("./pages/cases/case-page.tsx"), caseMessages()).then((module) => ({
    default: module.CasePage,
  })),
);
const CaseListPage = lazy(() =>
  import("./pages/cases/case-list-page.tsx").then((module) => ({ default: module.CaseListPage })),
);
const NewCasePage = lazy(() =>
  withMessages(import("./pages/cases/new-case-page.tsx"), caseMessages()).then((module) => ({
    default: module.NewCasePage,
  })),
);

// Signed-in people never need the sign-in page, and the account's settings are rarely opened:
// both load, with their texts, when first shown.
const signInMessages = () => import("./i18n/sign-in-messages.ts");
const LoginPage = lazy(() =>
  withMessages(import("./pages/login/login-page.tsx"), signInMessages()).then((module) => ({
    default: module.LoginPage,
  })),
);
const SecondFactorPage = lazy(() =>
  withMessages(import("./pages/account/second-factor-page.tsx"), signInMessages()).then(
    (module) => ({ default: module.SecondFactorPage }),
  ),
);

// Notifications are opened from the bell now and then; the bell itself is in the shell.
const NotificationsPage = lazy(() =>
  withMessages(
    import("./pages/notifications/notifications-page.tsx"),
    import("./i18n/notification-messages.ts"),
  ).then((module) => ({ default: module.NotificationsPage })),
);

// Requests from other agencies are answered now and then; the page loads with the case
// texts, which hold the requests' texts and the words a sharing basis is described in.
const ReferralsPage = lazy(() =>
  withMessages(import("./pages/referrals/referrals-page.tsx"), caseMessages()).then((module) => ({
    default: module.ReferralsPage,
  })),
);

// The immigration office's overview of residence pathways loads, with its texts, when opened.
const CohortPage = lazy(() =>
  withMessages(
    import("./pages/pathways/cohort-page.tsx"),
    import("./i18n/pathway-messages.ts"),
  ).then((module) => ({ default: module.CohortPage })),
);
const PathwayTemplatePage = lazy(() =>
  withMessages(
    import("./pages/pathways/template-page.tsx"),
    import("./i18n/pathway-messages.ts"),
  ).then((module) => ({ default: module.TemplatePage })),
);

// The steering group's page is for few people; it loads, with its texts, when opened.
const SteeringPage = lazy(() =>
  withMessages(
    import("./pages/steering/steering-page.tsx"),
    import("./i18n/steering-messages.ts"),
  ).then((module) => ({ default: module.SteeringPage })),
);

// The action plan is edited by the steering group now and then; it loads, with its texts, when opened.
const ActionPlanPage = lazy(() =>
  withMessages(
    import("./pages/action-plan/action-plan-page.tsx"),
    import("./i18n/action-plan-messages.ts"),
  ).then((module) => ({ default: module.ActionPlanPage })),
);
// The working groups' pages are for their members and the steering group; the meeting room
// carries the editor and Yjs. They load, with their texts, when opened.
const workingGroupMessages = () => import("./i18n/working-group-messages.ts");
const WorkingGroupsPage = lazy(() =>
  withMessages(
    import("./pages/working-groups/working-groups-page.tsx"),
    workingGroupMessages(),
  ).then((module) => ({ default: module.WorkingGroupsPage })),
);
const WorkingGroupPage = lazy(() =>
  withMessages(
    import("./pages/working-groups/working-group-page.tsx"),
    workingGroupMessages(),
  ).then((module) => ({ default: module.WorkingGroupPage })),
);
const MeetingRoomPage = lazy(() =>
  withMessages(import("./pages/working-groups/meeting-room-page.tsx"), workingGroupMessages()).then(
    (module) => ({ default: module.MeetingRoomPage }),
  ),
);

// The evaluation is for coordinators and rarely opened; it and its chart library load when it is.
const EvaluationPage = lazy(() =>
  withMessages(
    import("./pages/evaluation/evaluation-page.tsx"),
    import("./i18n/admin-messages.ts"),
  ).then((module) => ({ default: module.EvaluationPage })),
);

// The documents for the person concerned are printed now and then; they load, with their texts, when opened.
const clientDocumentMessages = () => import("./i18n/client-document-messages.ts");
const GoalAgreementPage = lazy(() =>
  withMessages(
    import("./pages/client-documents/client-document-page.tsx"),
    clientDocumentMessages(),
  ).then((module) => ({ default: module.GoalAgreementPage })),
);
const TransparencySheetPage = lazy(() =>
  withMessages(
    import("./pages/client-documents/client-document-page.tsx"),
    clientDocumentMessages(),
  ).then((module) => ({ default: module.TransparencySheetPage })),
);

// Administration is for few people and rarely visited; it loads, with its texts, when first opened.
const adminMessages = () => import("./i18n/admin-messages.ts");
const AgenciesPage = lazy(() =>
  withMessages(import("./pages/admin/agencies-page.tsx"), adminMessages()).then((module) => ({
    default: module.AgenciesPage,
  })),
);
const UsersPage = lazy(() =>
  withMessages(import("./pages/admin/users-page.tsx"), adminMessages()).then((module) => ({
    default: module.UsersPage,
  })),
);
const AuditPage = lazy(() =>
  withMessages(import("./pages/admin/audit-page.tsx"), adminMessages()).then((module) => ({
    default: module.AuditPage,
  })),
);
const AgendaTemplatePage = lazy(() =>
  withMessages(import("./pages/admin/agenda-template-page.tsx"), adminMessages()).then(
    (module) => ({ default: module.AgendaTemplatePage }),
  ),
);
const ThemesPage = lazy(() =>
  withMessages(import("./pages/admin/themes-page.tsx"), adminMessages()).then((module) => ({
    default: module.ThemesPage,
  })),
);
const SignInProvidersPage = lazy(() =>
  withMessages(import("./pages/admin/sign-in-providers-page.tsx"), adminMessages()).then(
    (module) => ({ default: module.SignInProvidersPage }),
  ),
);

function SignedInRoutes() {
  const { me, loading } = useSession();
  const location = useLocation();
  const { t } = useTranslation();
  if (loading) return <Loading label={t("common.loading")} />;
  if (!me) return <Navigate to={paths.login} replace state={{ from: location.pathname }} />;
  // The server refuses everything else until the set-up is done, so nothing else is shown;
  // the address stays, and the app opens there once the fresh session lets it.
  if (me.secondFactorSetupRequired) {
    return (
      <AppShell restricted>
        <Suspense fallback={<Loading label={t("common.loading")} />}>
          <SecondFactorPage required />
        </Suspense>
      </AppShell>
    );
  }
  return (
    <LiveEventsProvider>
      <UndoProvider>
        <AppShell>
          <Suspense fallback={<Loading label={t("common.loading")} />}>
            <Routes>
              <Route path={ROUTES.inbox} element={<InboxPage />} />
              <Route path={ROUTES.cases} element={<CaseListPage />} />
              <Route path={ROUTES.newCase} element={<NewCasePage />} />
              <Route path={ROUTES.case} element={<CasePage />} />
              <Route path={ROUTES.conferences} element={<UpcomingPage />} />
              <Route path={ROUTES.conference} element={<ConferenceRoomPage />} />
              <Route path={ROUTES.goalAgreement} element={<GoalAgreementPage />} />
              <Route path={ROUTES.transparencySheet} element={<TransparencySheetPage />} />
              <Route path={ROUTES.agencies} element={<AgenciesPage />} />
              <Route path={ROUTES.users} element={<UsersPage />} />
              <Route path={ROUTES.audit} element={<AuditPage />} />
              <Route path={ROUTES.agendaTemplate} element={<AgendaTemplatePage />} />
              <Route path={ROUTES.themes} element={<ThemesPage />} />
              <Route path={ROUTES.signInProviders} element={<SignInProvidersPage />} />
              <Route path={ROUTES.account} element={<SecondFactorPage />} />
              <Route path={ROUTES.notifications} element={<NotificationsPage />} />
              <Route path={ROUTES.pathwayCohort} element={<CohortPage />} />
              <Route path={ROUTES.pathwayTemplates} element={<PathwayTemplatePage />} />
              <Route path={ROUTES.referrals} element={<ReferralsPage />} />
              <Route path={ROUTES.steering} element={<SteeringPage />} />
              <Route path={ROUTES.actionPlan} element={<ActionPlanPage />} />
              <Route path={ROUTES.evaluation} element={<EvaluationPage />} />
              <Route path={ROUTES.workingGroups} element={<WorkingGroupsPage />} />
              <Route path={ROUTES.workingGroupMeeting} element={<MeetingRoomPage />} />
              <Route path={ROUTES.workingGroup} element={<WorkingGroupPage />} />
              <Route path="*" element={<Navigate to={paths.inbox} replace />} />
            </Routes>
          </Suspense>
        </AppShell>
      </UndoProvider>
    </LiveEventsProvider>
  );
}

function SignInRoute() {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<Loading label={t("common.loading")} />}>
      <LoginPage />
    </Suspense>
  );
}

export function App() {
  return (
    <SessionProvider>
      <Routes>
        <Route path={ROUTES.login} element={<SignInRoute />} />
        <Route path="/*" element={<SignedInRoutes />} />
      </Routes>
    </SessionProvider>
  );
}
