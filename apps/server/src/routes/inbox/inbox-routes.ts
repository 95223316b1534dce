import { ZInboxQuery, ZInboxResponse } from "@runder-tisch/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { requireActor } from "../../sessions/request-session.ts";
import { errorResponses } from "../shared.ts";
import { listInbox } from "./list-inbox.ts";

/** The per-agency (or per-person) task list across all cases the agency can see. */
export const inboxRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/inbox",
    {
      schema: {
        tags: ["inbox"],
        summary: "Actions my agency (or I) must do, soonest due first, with counts",
        querystring: ZInboxQuery,
        response: { 200: ZInboxResponse, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const inbox = await listInbox(app.db, actor, request.query);
      await request.audit({
        action: "list",
        targetType: "action",
        detail: { count: inbox.actions.length, filters: { ...request.query } },
      });
      return inbox;
    },
  );
};
