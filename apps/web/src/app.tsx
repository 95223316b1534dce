import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, Route, Routes, useLocation } from "react-router";
import { Loading } from "./components/loading.tsx";
import { AppShell } from "./layout/app-shell.tsx";
import { LiveEventsProvider } from "./live/live-events.tsx";
import { CaseListPage } from "./pages/cases/case-list-page.tsx";
import { CasePage } from "./pages/cases/case-page.tsx";
import { NewCasePage } from "./pages/cases/new-case-page.tsx";
import { UpcomingPage } from "./pages/conferences/upcoming-page.tsx";
import { InboxPage } from "./pages/inbox/inbox-page.tsx";
import { LoginPage } from "./pages/login/login-page.tsx";
import { SessionProvider, useSession } from "./session/session.tsx";

// The conference room carries the editor and Yjs; everyone else should not download them.
const ConferenceRoomPage = lazy(() =>
  import("./pages/conference-room/conference-room-page.tsx").then((module) => ({
    default: module.ConferenceRoomPage,
  })),
);

// Administration is for few people and rarely visited; it loads when first opened.
const AgenciesPage = lazy(() =>
  import("./pages/admin/agencies-page.tsx").then((module) => ({ default: module.AgenciesPage })),
);
const UsersPage = lazy(() =>
  import("./pages/admin/users-page.tsx").then((module) => ({ default: module.UsersPage })),
);
const AuditPage = lazy(() =>
  import("./pages/admin/audit-page.tsx").then((module) => ({ default: module.AuditPage })),
);

function SignedInRoutes() {
  const { me, loading } = useSession();
  const location = useLocation();
  const { t } = useTranslation();
  if (loading) return <Loading label={t("common.loading")} />;
  if (!me) return <Navigate to="/anmelden" replace state={{ from: location.pathname }} />;
  return (
    <LiveEventsProvider>
      <AppShell>
        <Suspense fallback={<Loading label={t("common.loading")} />}>
          <Routes>
            <Route index element={<InboxPage />} />
            <Route path="faelle" element={<CaseListPage />} />
            <Route path="faelle/neu" element={<NewCasePage />} />
            <Route path="faelle/:caseId" element={<CasePage />} />
            <Route path="konferenzen" element={<UpcomingPage />} />
            <Route path="konferenzen/:conferenceId" element={<ConferenceRoomPage />} />
            <Route path="verwaltung/stellen" element={<AgenciesPage />} />
            <Route path="verwaltung/personen" element={<UsersPage />} />
            <Route path="verwaltung/protokoll" element={<AuditPage />} />
            <Route path="*" element={<Navigate to="/" replace />} />
          </Routes>
        </Suspense>
      </AppShell>
    </LiveEventsProvider>
  );
}

export function App() {
  return (
    <SessionProvider>
      <Routes>
        <Route path="/anmelden" element={<LoginPage />} />
        <Route path="/*" element={<SignedInRoutes />} />
      </Routes>
    </SessionProvider>
  );
}
