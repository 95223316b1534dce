import type { TWorkingGroupMeetingDetail } from "@runder-tisch/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { lazy, Suspense, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { ApiError } from "../../api/client.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { closeWorkingGroupMeeting, fetchWorkingGroupMeeting } from "../../api/working-groups.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { formatDateTime } from "../../components/format.ts";
import { Loading } from "../../components/loading.tsx";
import { Page } from "../../components/page.tsx";
import { Confirm } from "../../forms/confirm.tsx";
import { paths } from "../../routes/paths.ts";
import { useMe } from "../../session/session.tsx";
import type { LiveDocumentAddress } from "../conference-room/conference-connection.ts";
import { usePresence } from "../conference-room/presence.ts";
import { PresenceList } from "../conference-room/presence-list.tsx";
import { SaveIndicator } from "../conference-room/save-indicator.tsx";
import {
  useConferenceConnection,
  useUnsavedWarning,
} from "../conference-room/use-conference-connection.ts";

// TipTap and ProseMirror are the heaviest part; they load while the rest of the room renders.
const MeetingNotesEditor = lazy(() =>
  import("./meeting-notes-editor.tsx").then((module) => ({ default: module.MeetingNotesEditor })),
);

/** A meeting's document: under its own socket path, and stored apart from conferences. */
const MEETING_DOCUMENT: LiveDocumentAddress = {
  socketPath: "/api/collab/working-group-meetings",
  storagePrefix: "rt-working-group-meeting",
};

/** What the guard found in the notes when closing was refused: fix it in the room. */
function Findings({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!(error instanceof ApiError) || error.reason !== "personal_data_found") {
    return <ErrorMessage error={error} />;
  }
  return (
    <div className="error-message" role="alert">
      <p>{t("workingGroups.room.findings")}</p>
      <ul>
        {(error.details?.findings ?? []).map((finding) => (
          <li key={`${finding.kind}-${finding.excerpt}`}>
            {t(`pii.kind.${finding.kind}`)}: „{finding.excerpt}“
          </li>
        ))}
      </ul>
    </div>
  );
}

function CloseMeeting({ meeting }: { meeting: TWorkingGroupMeetingDetail }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [asking, setAsking] = useState(false);
  const close = useMutation({
    mutationFn: () => closeWorkingGroupMeeting(meeting.id),
    onSettled: () => setAsking(false),
    onSuccess: () => void client.invalidateQueries({ queryKey: queryKeys.workingGroups }),
  });
  if (!asking) {
    return (
      <div>
        <button type="button" className="button" onClick={() => setAsking(true)}>
          {t("workingGroups.room.close")}
        </button>
        {close.error ? <Findings error={close.error} /> : null}
      </div>
    );
  }
  return (
    <Confirm
      title={t("workingGroups.room.close")}
      text={t("workingGroups.room.closeText")}
      label={t("workingGroups.room.closeConfirm")}
      pending={close.isPending}
      onConfirm={() => close.mutate()}
      onCancel={() => setAsking(false)}
    />
  );
}

function OpenRoom({ meeting }: { meeting: TWorkingGroupMeetingDetail }) {
  const { t } = useTranslation();
  const me = useMe();
  const client = useQueryClient();
  const { connection, snapshot } = useConferenceConnection(
    meeting.id,
    me.user.id,
    MEETING_DOCUMENT,
  );
  const people = usePresence(connection?.provider.awareness, {
    id: me.user.id,
    name: me.user.displayName,
    agencyId: me.agency.id,
    agencyName: me.agency.name,
  });
  useUnsavedWarning(connection);
  const readOnly = snapshot.role === "observer";
  // Someone closed the meeting (the server took the editing rights): show what was kept.
  useEffect(() => {
    if (readOnly) void client.invalidateQueries({ queryKey: queryKeys.workingGroups });
  }, [readOnly, client]);
  if (snapshot.closedCode !== null) {
    return (
      <p className="error-message" role="alert">
        {t("workingGroups.room.disconnected")}
      </p>
    );
  }
  if (!connection) return <Loading label={t("common.loading")} />;
  return (
    <>
      <div className="room-bar">
        <SaveIndicator state={snapshot.save} readOnly={readOnly} />
        <CloseMeeting meeting={meeting} />
      </div>
      <div className="meeting-grid">
        <section className="room-notes" aria-labelledby="meeting-notes-heading">
          <h2 id="meeting-notes-heading">{t("workingGroups.room.notes")}</h2>
          <p className="muted notes-hint">{t("workingGroups.room.notesHint")}</p>
          <Suspense fallback={<Loading label={t("room.loadingEditor")} />}>
            <MeetingNotesEditor
              connection={connection}
              editable={!readOnly}
              userName={me.user.displayName}
              agencyId={me.agency.id}
            />
          </Suspense>
        </section>
        <PresenceList people={people} />
      </div>
    </>
  );
}

/** The meeting's room: the notes written together while it is open, kept once it closed. */
export function MeetingRoomPage() {
  const { t } = useTranslation();
  const { meetingId = "" } = useParams();
  const meeting = useQuery({
    queryKey: queryKeys.workingGroupMeeting(meetingId),
    queryFn: () => fetchWorkingGroupMeeting(meetingId),
  });
  if (meeting.isPending) return <Loading label={t("common.loading")} />;
  if (meeting.error) {
    return (
      <Page title={t("workingGroups.room.title")}>
        <ErrorMessage error={meeting.error} />
      </Page>
    );
  }
  const detail = meeting.data;
  return (
    <Page
      title={t("workingGroups.room.heading", {
        group: detail.workingGroupName,
        title: detail.title,
      })}
      className="page page-room"
    >
      <p className="room-meta">
        <Link to={paths.workingGroup(detail.workingGroupId)}>{detail.workingGroupName}</Link> ·{" "}
        {formatDateTime(detail.startsAt)} · {t(`workingGroups.meetingState.${detail.state}`)}
      </p>
      {detail.state === "closed" ? (
        <section className="room-notes" aria-labelledby="kept-notes-heading">
          <h2 id="kept-notes-heading">{t("workingGroups.room.keptNotes")}</h2>
          {detail.notes ? (
            <div className="kept-notes">{detail.notes}</div>
          ) : (
            <p className="empty">{t("workingGroups.room.noNotes")}</p>
          )}
        </section>
      ) : (
        <OpenRoom meeting={detail} />
      )}
    </Page>
  );
}
