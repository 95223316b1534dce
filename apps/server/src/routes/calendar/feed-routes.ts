import {
  ZCalendarFeedStatus,
  ZCalendarFeedTokenParams,
  ZCalendarFile,
  ZCreateCalendarFeedResponse,
  ZOkResponse,
} from "@runder-tisch/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { recordAudit } from "../../audit/audit-trail.ts";
import { conferenceCalendar } from "../../calendar/conference-calendar.ts";
import { notFound } from "../../errors.ts";
import { publicUrlOf } from "../../lib/public-url.ts";
import { requireActor } from "../../sessions/request-session.ts";
import { errorResponses } from "../shared.ts";
import {
  createCalendarFeed,
  findCalendarFeed,
  findFeedOwner,
  listFeedConferences,
  revokeCalendarFeed,
} from "./calendar-feeds.ts";

/** Calendar programs poll a feed every few minutes; far more from one address is guessing. */
const FEED_REQUESTS_PER_MINUTE = 30;

/** The personal calendar feed: a secret address a calendar program subscribes to. */
export const feedRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/me/calendar-feed",
    {
      schema: {
        tags: ["calendar"],
        summary: "Whether I have a calendar feed address, and when a calendar last read it",
        response: { 200: ZCalendarFeedStatus, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const feed = await findCalendarFeed(app.db, actor.userId);
      return {
        active: feed !== null,
        createdAt: feed?.createdAt.toISOString() ?? null,
        lastUsedAt: feed?.lastUsedAt?.toISOString() ?? null,
      };
    },
  );

  app.post(
    "/api/me/calendar-feed",
    {
      schema: {
        tags: ["calendar"],
        summary: "A new secret calendar feed address (shown once); the previous one stops working",
        response: { 200: ZCreateCalendarFeedResponse, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const feed = await request.auditedWrite(
        (tx) => createCalendarFeed(tx, actor.userId),
        () => ({
          action: "create",
          targetType: "user",
          targetId: actor.userId,
          detail: { calendarFeed: "created" },
        }),
      );
      return {
        url: `${publicUrlOf(request)}/api/calendar/${feed.token}.ics`,
        createdAt: feed.createdAt.toISOString(),
      };
    },
  );

  app.delete(
    "/api/me/calendar-feed",
    {
      schema: {
        tags: ["calendar"],
        summary: "End my calendar feed address",
        response: { 200: ZOkResponse, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      await request.auditedWrite(
        (tx) => revokeCalendarFeed(tx, actor.userId),
        (revoked) => ({
          action: "delete",
          targetType: "user",
          targetId: actor.userId,
          detail: { calendarFeed: revoked ? "revoked" : "none" },
        }),
      );
      return { ok: true as const };
    },
  );

  app.get(
    "/api/calendar/:token.ics",
    {
      config: { rateLimit: { max: FEED_REQUESTS_PER_MINUTE, timeWindow: 60_000 } },
      schema: {
        tags: ["calendar"],
        summary:
          "The personal feed (no session, the address is the key): conferences of my agency, 30 days back, 180 ahead",
        security: [],
        params: ZCalendarFeedTokenParams,
        produces: ["text/calendar"],
        response: { 200: ZCalendarFile, ...errorResponses },
      },
    },
    async (request, reply) => {
      const owner = await findFeedOwner(app.db, request.params.token);
      if (!owner) throw notFound("Calendar feed");
      const conferences = await listFeedConferences(app.db, owner.agencyId);
      // No session here: the row names the person whose address was used.
      await recordAudit(app.db, {
        action: "list",
        targetType: "conference",
        userId: owner.userId,
        agencyId: owner.agencyId,
        requestId: request.id,
        detail: {
          scope: "calendar_feed",
          count: conferences.length,
          caseIds: [...new Set(conferences.map((conference) => conference.caseId))],
        },
      });
      app.metrics.auditAppended.inc();
      return reply
        .type("text/calendar; charset=utf-8")
        .header("cache-control", "private, no-store")
        .send(
          conferenceCalendar({ conferences, method: "PUBLISH", publicUrl: publicUrlOf(request) }),
        );
    },
  );
};
