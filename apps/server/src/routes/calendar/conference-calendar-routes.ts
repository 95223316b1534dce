import { ZCalendarFile, ZIdParams } from "@runder-tisch/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { conferenceCalendar, invitationMethod } from "../../calendar/conference-calendar.ts";
import { requireConferenceAccess } from "../../guards/require-conference-access.ts";
import { publicUrlOf } from "../../lib/public-url.ts";
import { errorResponses } from "../shared.ts";

/** One conference as an invitation a calendar program can take over. */
export const conferenceCalendarRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/conferences/:id/calendar.ics",
    {
      schema: {
        tags: ["calendar"],
        summary:
          "The conference as an iCalendar invitation (case code, time, place and a link only)",
        params: ZIdParams,
        produces: ["text/calendar"],
        response: { 200: ZCalendarFile, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { conference, caseRow } = await requireConferenceAccess(request, request.params.id);
      await request.audit({
        action: "view",
        targetType: "conference",
        targetId: conference.id,
        caseId: caseRow.id,
        detail: { format: "ics" },
      });
      const text = conferenceCalendar({
        conferences: [{ ...conference, caseCode: caseRow.code }],
        method: invitationMethod(conference.status),
        publicUrl: publicUrlOf(request),
      });
      return reply
        .type("text/calendar; charset=utf-8")
        .header("cache-control", "private, no-store")
        .header("content-disposition", `attachment; filename="${caseRow.code}-konferenz.ics"`)
        .send(text);
    },
  );
};
