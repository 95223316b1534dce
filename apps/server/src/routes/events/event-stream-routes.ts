import { ZLiveEvent } from "@runder-tisch/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { requireSession, SESSION_COOKIE } from "../../sessions/request-session.ts";
import { findSession } from "../../sessions/session-store.ts";
import { errorResponses } from "../shared.ts";

const HEARTBEAT_MS = 25_000;

/**
 * Server-sent events for inboxes and case pages: one stream per signed-in tab.
 * The stream ends when the session does, so a disabled user stops hearing at once.
 */
export const eventStreamRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/events",
    {
      schema: {
        tags: ["live"],
        summary:
          "Live changes to my inbox, my cases' actions and conferences (text/event-stream; each message is JSON with kind and ids)",
        response: {
          200: ZLiveEvent.describe("One message of the stream (text/event-stream, as JSON data)"),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const { actor, tokenHash } = requireSession(request);
      const sessionToken = request.cookies[SESSION_COOKIE] ?? "";
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-store",
        connection: "keep-alive",
        "x-accel-buffering": "no",
      });
      raw.write("retry: 3000\n\n");
      let ended = false;
      const end = () => {
        if (ended) return;
        ended = true;
        clearInterval(heartbeat);
        remove();
        raw.end();
      };
      const remove = app.liveFeed.add({
        userId: actor.userId,
        agencyId: actor.agencyId,
        sessionTokenHash: tokenHash,
        send: (message) =>
          raw.write(`event: ${message.kind}\ndata: ${JSON.stringify(message)}\n\n`),
        close: end,
      });
      const heartbeat = setInterval(() => {
        findSession(app.db, sessionToken, app.sessionPolicy)
          .then((session) => (session.state === "valid" ? raw.write(": keep-alive\n\n") : end()))
          .catch(() => raw.write(": keep-alive\n\n"));
      }, HEARTBEAT_MS);
      request.raw.on("close", end);
    },
  );
};
