import {
  ZIdParams,
  ZMarkAllReadResponse,
  ZNotificationsQuery,
  ZNotificationsResponse,
  ZOkResponse,
  ZUnreadCountResponse,
} from "@runder-tisch/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { notFound } from "../../errors.ts";
import { requireActor } from "../../sessions/request-session.ts";
import { errorResponses } from "../shared.ts";
import { countUnread, listNotifications, markAllRead, markRead } from "./notification-queries.ts";

/** My notifications: the list, the count for the bell, and marking them read. */
export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/notifications",
    {
      schema: {
        tags: ["notifications"],
        summary: "My notifications about cases my agency may still see, newest first",
        querystring: ZNotificationsQuery,
        response: { 200: ZNotificationsResponse, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const page = await listNotifications(app.db, actor, request.query);
      // The list names actions (by title) across cases, as the inbox does, and is recorded alike.
      await request.audit({
        action: "list",
        targetType: "action",
        detail: { count: page.notifications.length, scope: "notifications" },
      });
      return page;
    },
  );

  app.get(
    "/api/notifications/unread-count",
    {
      schema: {
        tags: ["notifications"],
        summary: "How many of my notifications are unread (for the bell)",
        response: { 200: ZUnreadCountResponse, ...errorResponses },
      },
    },
    async (request) => ({ unread: await countUnread(app.db, requireActor(request)) }),
  );

  app.post(
    "/api/notifications/:id/read",
    {
      schema: {
        tags: ["notifications"],
        summary: "Mark one of my notifications read",
        params: ZIdParams,
        response: { 200: ZOkResponse, ...errorResponses },
      },
    },
    async (request) => {
      // Someone else's notification is answered exactly like a missing one.
      if (!(await markRead(app.db, requireActor(request), request.params.id))) {
        throw notFound("Notification");
      }
      return { ok: true as const };
    },
  );

  app.post(
    "/api/notifications/read-all",
    {
      schema: {
        tags: ["notifications"],
        summary: "Mark all my notifications read",
        response: { 200: ZMarkAllReadResponse, ...errorResponses },
      },
    },
    async (request) => ({ marked: await markAllRead(app.db, requireActor(request)) }),
  );
};
