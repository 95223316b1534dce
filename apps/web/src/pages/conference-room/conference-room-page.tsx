import {
  addDecision,
  addGoal,
  changeDecision,
  changeGoal,
  readDecisions,
  readGoals,
  withdrawDecision,
  withdrawGoal,
} from "@runder-tisch/conference-doc";
import type { TAgencyRef, TConference } from "@runder-tisch/contracts";
import { useQuery } from "@tanstack/react-query";
import { lazy, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { fetchCaseActions } from "../../api/case-conferences.ts";
import { fetchCase } from "../../api/cases.ts";
import { conferenceCalendarUrl, fetchConference } from "../../api/conference-room.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { formatDateTime } from "../../components/format.ts";
import { Loading } from "../../components/loading.tsx";
import { Page } from "../../components/page.tsx";
import { usePollingFallback } from "../../live/live-events.tsx";
import { paths } from "../../routes/paths.ts";
import { useMe } from "../../session/session.tsx";
import { InternalNotesRoomPanel } from "../internal-notes/internal-notes-room-panel.tsx";
import { PathwaysDisclosure } from "../pathways/lazy-pathways.tsx";
import { ActionPanel } from "./action-panel.tsx";
import { AgendaPanel } from "./agenda-panel.tsx";
import { AttendancePanel } from "./attendance-panel.tsx";
import { CancelledNotice } from "./cancel-conference.tsx";
import { CarryOver } from "./carry-over.tsx";
import { ConferenceControls } from "./conference-controls.tsx";
import { FinalisePanel } from "./finalise-panel.tsx";
import { MinutesPanel } from "./minutes-panel.tsx";
import { ObstaclePanel } from "./obstacle-panel.tsx";
import { usePresence } from "./presence.ts";
import { PresenceList } from "./presence-list.tsx";
import { RoomClosed } from "./room-closed.tsx";
import { SaveIndicator } from "./save-indicator.tsx";
import { TextListPanel } from "./text-list-panel.tsx";
import { useConferenceConnection, useUnsavedWarning } from "./use-conference-connection.ts";

// TipTap and ProseMirror are the heaviest part; they load while the rest of the room renders.
const NotesEditor = lazy(() =>
  import("./notes-editor.tsx").then((module) => ({ default: module.NotesEditor })),
);

/** Agencies that can own an action: the case owner and everyone invited. */
function responsibleCandidates(
  conference: TConference,
  owner: TAgencyRef | undefined,
): TAgencyRef[] {
  const byId = new Map<string, TAgencyRef>();
  if (owner) byId.set(owner.id, owner);
  for (const participant of conference.participants)
    byId.set(participant.agency.id, participant.agency);
  return [...byId.values()];
}

const GOALS = { read: readGoals, add: addGoal, change: changeGoal, withdraw: withdrawGoal };
const DECISIONS = {
  read: readDecisions,
  add: addDecision,
  change: changeDecision,
  withdraw: withdrawDecision,
};

/** After the end: what happens next, and who does it. */
function ConcludedNotice({
  conference,
  ownerName,
}: {
  conference: TConference;
  ownerName: string;
}) {
  const { t } = useTranslation();
  const me = useMe();
  if (conference.status !== "concluded") return null;
  const mayFinalise = conference.isOwner && me.user.role === "coordinator";
  return (
    <p className="notice concluded-notice" role="status">
      {mayFinalise
        ? t("room.concludedYou")
        : t("room.concludedOthers", { agency: ownerName || t("room.ownerAgency") })}
    </p>
  );
}

function Room({ conference }: { conference: TConference }) {
  const { t } = useTranslation();
  const me = useMe();
  const { connection, snapshot } = useConferenceConnection(conference.id, me.user.id);
  const people = usePresence(connection?.provider.awareness, {
    id: me.user.id,
    name: me.user.displayName,
    agencyId: me.agency.id,
    agencyName: me.agency.name,
  });
  const [selectedText, setSelectedText] = useState("");
  const [justFinalised, setJustFinalised] = useState<number | null>(null);
  const refetchInterval = usePollingFallback();
  useUnsavedWarning(connection);
  const caseEntry = useQuery({
    queryKey: queryKeys.case(conference.caseId),
    queryFn: () => fetchCase(conference.caseId),
  });
  const caseActions = useQuery({
    queryKey: queryKeys.caseActions(conference.caseId),
    queryFn: () => fetchCaseActions(conference.caseId),
    refetchInterval,
  });

  if (snapshot.closedCode !== null) return <RoomClosed code={snapshot.closedCode} />;
  if (!connection) return <Loading label={t("common.loading")} />;

  const role = snapshot.role ?? conference.myRole;
  const finished = conference.status === "finalised";
  const editable = role === "editor" && !finished;
  const agencies = responsibleCandidates(conference, caseEntry.data?.ownerAgency);
  const writer = `${me.user.displayName} (${me.agency.name})`;

  return (
    <>
      <div className="room-bar">
        <p className="room-meta">
          <Link to={paths.case(conference.caseId)}>{conference.caseCode}</Link> ·{" "}
          {formatDateTime(conference.scheduledAt)} ·{" "}
          {t("conferenceDetails.duration", { minutes: conference.durationMinutes })} ·{" "}
          {t(`conferenceStatus.${conference.status}`)}
          {conference.location ? ` · ${t("conferenceDetails.place")}: ${conference.location}` : ""}
          {conference.videoLink ? (
            <>
              {" · "}
              <a href={conference.videoLink} target="_blank" rel="noopener noreferrer">
                {t("conferenceDetails.video")}
              </a>
            </>
          ) : null}
          {" · "}
          <a href={conferenceCalendarUrl(conference.id)} download>
            {t("conferenceDetails.calendar")}
          </a>
          {" · "}
          <Link to={paths.goalAgreement(conference.id)}>
            {t("conferenceDetails.goalAgreement")}
          </Link>
          {role === "observer" && !finished ? ` · ${t("room.observerNote")}` : ""}
        </p>
        <SaveIndicator state={snapshot.save} readOnly={!editable} />
        <ConferenceControls conference={conference} />
        <FinalisePanel
          conference={conference}
          onFinalised={(minutes) => setJustFinalised(minutes.version)}
        />
      </div>
      <ConcludedNotice conference={conference} ownerName={caseEntry.data?.ownerAgency.name ?? ""} />
      <MinutesPanel conference={conference} justFinalised={justFinalised} />
      <div className="room-grid">
        <div className="room-left">
          <AgendaPanel
            doc={connection.doc}
            conference={conference}
            editable={editable}
            synced={snapshot.synced}
            by={writer}
          />
          <TextListPanel
            doc={connection.doc}
            editable={editable}
            title={t("room.goals")}
            addLabel={t("room.addGoal")}
            emptyText={t("room.noGoals")}
            by={writer}
            operations={GOALS}
          />
          <TextListPanel
            doc={connection.doc}
            editable={editable}
            title={t("room.decisions")}
            addLabel={t("room.addDecision")}
            emptyText={t("room.noDecisions")}
            by={writer}
            operations={DECISIONS}
          />
          <ObstaclePanel doc={connection.doc} editable={editable} by={writer} />
        </div>
        <section className="room-notes" aria-labelledby="notes-heading">
          <h2 id="notes-heading">{t("room.notes")}</h2>
          <p className="muted notes-hint">{t("room.notesHint")}</p>
          <Suspense fallback={<Loading label={t("room.loadingEditor")} />}>
            <NotesEditor
              connection={connection}
              editable={editable}
              caseId={conference.caseId}
              userId={me.user.id}
              userName={me.user.displayName}
              agencyId={me.agency.id}
              by={writer}
              onSelectionText={setSelectedText}
            />
          </Suspense>
        </section>
        <div className="room-right">
          {finished ? null : <PresenceList people={people} />}
          <AttendancePanel conference={conference} />
          {caseActions.data ? (
            <CarryOver
              conference={conference}
              actions={caseActions.data.actions}
              editable={editable}
            />
          ) : null}
          <ActionPanel
            doc={connection.doc}
            agencies={agencies}
            recorded={caseActions.data?.actions ?? []}
            editable={editable}
            selectedText={selectedText}
            by={writer}
          />
          <InternalNotesRoomPanel caseId={conference.caseId} />
          <PathwaysDisclosure
            caseId={conference.caseId}
            agencies={agencies}
            {...(editable ? { conferenceId: conference.id } : {})}
          />
        </div>
      </div>
    </>
  );
}

export function ConferenceRoomPage() {
  const { t } = useTranslation();
  const { conferenceId = "" } = useParams();
  const conference = useQuery({
    queryKey: queryKeys.conference(conferenceId),
    queryFn: () => fetchConference(conferenceId),
  });
  if (conference.isPending) return <Loading label={t("common.loading")} />;
  if (conference.error)
    return (
      <Page title={t("room.title")}>
        <ErrorMessage error={conference.error} />
      </Page>
    );
  return (
    <Page title={conference.data.title} className="page page-room">
      {conference.data.status === "cancelled" ? (
        <CancelledNotice conference={conference.data} />
      ) : (
        <Room conference={conference.data} />
      )}
    </Page>
  );
}
