import {
  ZConference,
  ZConferenceListResponse,
  ZCreateConferenceRequest,
  ZIdParams,
} from "@runder-tisch/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { createConference, seriesInstants } from "../../domain/conferences/create-conference.ts";
import { describeConferenceChange } from "../../domain/conferences/describe-conference-change.ts";
import { notifyConferenceChange } from "../../domain/notifications/index.ts";
import { requireCaseAccess } from "../../guards/require-case-access.ts";
import { errorResponses } from "../shared.ts";
import { listCaseConferences } from "./list-conferences.ts";
import { loadConferenceView, viewChanged } from "./load-conference-view.ts";
import { presentConference } from "./present-conference.ts";

/** Conferences seen from their case: the list on the case page and scheduling a new one. */
export const caseConferenceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/cases/:id/conferences",
    {
      schema: {
        tags: ["conferences"],
        summary: "Conferences of a case my agency may see, newest scheduled first",
        params: ZIdParams,
        response: { 200: ZConferenceListResponse, ...errorResponses },
      },
    },
    async (request) => {
      const { actor, caseRow } = await requireCaseAccess(request, request.params.id);
      const views = await listCaseConferences(app.db, actor.agencyId, caseRow.id);
      await request.audit({
        action: "list",
        targetType: "conference",
        caseId: caseRow.id,
        detail: { count: views.length },
      });
      return { conferences: views.map(presentConference) };
    },
  );

  app.post(
    "/api/cases/:id/conferences",
    {
      schema: {
        tags: ["conferences"],
        summary: "Schedule a conference and invite agencies (owning agency only)",
        params: ZIdParams,
        body: ZCreateConferenceRequest,
        response: { 201: ZConference, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { actor, caseRow, access } = await requireCaseAccess(request, request.params.id, {
        ownerOnly: true,
      });
      const { series, ...details } = request.body;
      // A series is planned whole or not at all.
      let notifiedUserIds: string[] = [];
      const planned = await request.auditedWrite(
        async (tx) => {
          const created = [];
          for (const at of seriesInstants(new Date(details.scheduledAt), series)) {
            created.push(
              await createConference(tx, actor, caseRow.id, {
                ...details,
                scheduledAt: at.toISOString(),
              }),
            );
          }
          // One notice for a whole series, in its transaction; the first date leads to the rest.
          const [first] = created;
          if (first) {
            notifiedUserIds = await notifyConferenceChange(
              tx,
              "conference_scheduled",
              first,
              actor.userId,
            );
          }
          return created;
        },
        (created) =>
          created.map((conference) => ({
            action: "create" as const,
            targetType: "conference" as const,
            targetId: conference.id,
            caseId: caseRow.id,
            detail: {
              participantAgencyIds: details.participants.map((p) => p.agencyId),
              ...(series ? { series: { ...series, firstId: created[0]?.id } } : {}),
            },
          })),
      );
      const [conference] = planned;
      if (!conference) throw new Error("planning created no conference");
      // The rest of a series goes to the same agencies as the first.
      const invited = {
        ownerAgencyId: caseRow.ownerAgencyId,
        participantAgencyIds: details.participants.map((p) => p.agencyId),
      };
      for (const later of planned.slice(1)) {
        app.events.publish(describeConferenceChange(later, invited, actor.userId));
      }
      const presented = await loadConferenceView(
        app.db,
        { agencyId: actor.agencyId, access },
        conference,
        caseRow,
      );
      app.events.publish(viewChanged(presented, caseRow.ownerAgencyId, actor.userId));
      app.events.publish({ kind: "notification.created", userIds: notifiedUserIds });
      return reply.status(201).send(presented);
    },
  );
};
