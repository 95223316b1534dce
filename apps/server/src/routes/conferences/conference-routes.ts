import {
  ZChangeConferenceStatusRequest,
  ZConference,
  ZConferenceListResponse,
  ZIdParams,
  ZUpcomingConferencesQuery,
  ZUpdateConferenceRequest,
} from "@runder-tisch/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { notifyConferenceChange } from "../../domain/notifications/index.ts";
import { requireConferenceAccess } from "../../guards/require-conference-access.ts";
import { requireActor } from "../../sessions/request-session.ts";
import { errorResponses } from "../shared.ts";
import { changeConferenceStatus } from "./change-conference-status.ts";
import { listConferencesAwaitingMinutes, listUpcomingConferences } from "./list-conferences.ts";
import { loadConferenceView, viewChanged } from "./load-conference-view.ts";
import { presentConference } from "./present-conference.ts";
import { updateConference } from "./update-conference.ts";

/** One conference by its id, and the agency-wide "upcoming" list. */
export const conferenceItemRoutes: FastifyPluginAsyncZod = async (app) => {
  // A static segment: find-my-way prefers it over `/api/conferences/:id`, whatever the order.
  app.get(
    "/api/conferences/upcoming",
    {
      schema: {
        tags: ["conferences"],
        summary: "Planned or running conferences my agency owns or is invited to, soonest first",
        querystring: ZUpcomingConferencesQuery,
        response: { 200: ZConferenceListResponse, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const views = await listUpcomingConferences(app.db, actor.agencyId, request.query.limit);
      await request.audit({
        action: "list",
        targetType: "conference",
        detail: {
          count: views.length,
          scope: "upcoming",
          caseIds: [...new Set(views.map((view) => view.conference.caseId))],
        },
      });
      return { conferences: views.map(presentConference) };
    },
  );

  app.get(
    "/api/conferences/awaiting-minutes",
    {
      schema: {
        tags: ["conferences"],
        summary:
          "Concluded conferences of cases my agency owns whose minutes a coordinator still has to finalise",
        response: { 200: ZConferenceListResponse, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const views = await listConferencesAwaitingMinutes(app.db, actor.agencyId);
      await request.audit({
        action: "list",
        targetType: "conference",
        detail: {
          count: views.length,
          scope: "awaiting_minutes",
          caseIds: [...new Set(views.map((view) => view.conference.caseId))],
        },
      });
      return { conferences: views.map(presentConference) };
    },
  );

  app.get(
    "/api/conferences/:id",
    {
      schema: {
        tags: ["conferences"],
        summary: "One conference with agenda and invited agencies",
        params: ZIdParams,
        response: { 200: ZConference, ...errorResponses },
      },
    },
    async (request) => {
      const { actor, conference, caseRow, access, participants } = await requireConferenceAccess(
        request,
        request.params.id,
      );
      await request.audit({
        action: "view",
        targetType: "conference",
        targetId: conference.id,
        caseId: caseRow.id,
      });
      return loadConferenceView(
        app.db,
        { agencyId: actor.agencyId, access },
        conference,
        caseRow,
        participants,
      );
    },
  );

  app.patch(
    "/api/conferences/:id",
    {
      schema: {
        tags: ["conferences"],
        summary: "Change title, time or invited agencies (owning agency only; not once finalised)",
        params: ZIdParams,
        body: ZUpdateConferenceRequest,
        response: { 200: ZConference, ...errorResponses },
      },
    },
    async (request) => {
      const { actor, conference, caseRow, access } = await requireConferenceAccess(
        request,
        request.params.id,
        { ownerOnly: true, editable: true },
      );
      const { updated, notifiedUserIds } = await request.auditedWrite(
        async (tx) => {
          const changed = await updateConference(tx, conference.id, request.body);
          // Told in the same transaction: a new date or place is not lost to a crash.
          const moved =
            changed.scheduledAt.getTime() !== conference.scheduledAt.getTime() ||
            changed.location !== conference.location ||
            changed.videoLink !== conference.videoLink;
          return {
            updated: changed,
            notifiedUserIds: moved
              ? await notifyConferenceChange(tx, "conference_changed", changed, actor.userId)
              : [],
          };
        },
        () => ({
          action: "change",
          targetType: "conference",
          targetId: conference.id,
          caseId: caseRow.id,
          detail: {
            fields: Object.keys(request.body),
            ...(request.body.participants
              ? { participantAgencyIds: request.body.participants.map((p) => p.agencyId) }
              : {}),
          },
        }),
      );
      const presented = await loadConferenceView(
        app.db,
        { agencyId: actor.agencyId, access },
        updated,
        caseRow,
      );
      app.events.publish(viewChanged(presented, caseRow.ownerAgencyId, actor.userId));
      app.events.publish({ kind: "notification.created", userIds: notifiedUserIds });
      return presented;
    },
  );

  app.post(
    "/api/conferences/:id/status",
    {
      schema: {
        tags: ["conferences"],
        summary:
          "Move the conference one step on: planned, live, concluded (finalise via /finalise), or call a planned one off (cancelled)",
        params: ZIdParams,
        body: ZChangeConferenceStatusRequest,
        response: { 200: ZConference, ...errorResponses },
      },
    },
    async (request) => {
      const { actor, conference, caseRow, access, participants } = await requireConferenceAccess(
        request,
        request.params.id,
        { ownerOnly: true },
      );
      const { updated, notifiedUserIds } = await request.auditedWrite(
        async (tx) => {
          const changed = await changeConferenceStatus(tx, conference, request.body.status);
          // Told in the same transaction: a calling-off is not lost to a crash.
          return {
            updated: changed,
            notifiedUserIds:
              changed.status === "cancelled"
                ? await notifyConferenceChange(tx, "conference_cancelled", changed, actor.userId)
                : [],
          };
        },
        ({ updated: changed }) => ({
          action: "change",
          targetType: "conference",
          targetId: conference.id,
          caseId: caseRow.id,
          detail: { status: { from: conference.status, to: changed.status } },
        }),
      );
      const presented = await loadConferenceView(
        app.db,
        { agencyId: actor.agencyId, access },
        updated,
        caseRow,
        participants,
      );
      app.events.publish(viewChanged(presented, caseRow.ownerAgencyId, actor.userId));
      app.events.publish({ kind: "notification.created", userIds: notifiedUserIds });
      return presented;
    },
  );
};
