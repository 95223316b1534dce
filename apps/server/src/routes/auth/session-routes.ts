import { ZLoginRequest, ZMeResponse, ZOkResponse } from "@runder-tisch/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { AppError } from "../../errors.ts";
import { requireSession } from "../../sessions/request-session.ts";
import { revokeSession } from "../../sessions/session-store.ts";
import { errorResponses } from "../shared.ts";
import { authenticateUser } from "./authenticate-user.ts";
import { presentMe } from "./present-me.ts";
import { startSession } from "./start-session.ts";

export const sessionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/api/auth/login",
    {
      config: {
        skipCsrf: true,
        rateLimit: {
          max: app.config.LOGIN_ATTEMPTS_PER_IP_PER_MINUTE,
          timeWindow: 60_000,
          errorResponseBuilder: () =>
            new AppError(
              429,
              "rate_limited",
              "Too many sign-in attempts from this address; wait a minute",
            ),
        },
      },
      schema: {
        tags: ["auth"],
        summary: "Sign in; sets the session cookie",
        security: [],
        body: ZLoginRequest,
        response: { 200: ZMeResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const user = await authenticateUser(
        app.db,
        { ...request.body, address: request.ip },
        {
          failuresBeforeLock: app.config.LOGIN_FAILURES_BEFORE_LOCK,
          lockMinutes: app.config.LOGIN_LOCK_MINUTES,
          refuseDemoPasswords: app.config.NODE_ENV === "production",
        },
      );
      const { actor, session } = await startSession(app.db, user, app.sessionPolicy, request.id);
      app.setSessionCookie(reply, session.token, session.expiresAt);
      return presentMe(actor, session.csrfToken, session.expiresAt);
    },
  );

  app.post(
    "/api/auth/logout",
    {
      schema: {
        tags: ["auth"],
        summary: "Sign out; ends the session on the server",
        response: { 200: ZOkResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      if (request.session) {
        const { tokenHash } = request.session;
        await request.auditedWrite(
          (tx) => revokeSession(tx, tokenHash),
          () => ({ action: "logout", targetType: "session" }),
        );
      }
      app.clearSessionCookie(reply);
      return { ok: true as const };
    },
  );

  app.get(
    "/api/me",
    {
      schema: {
        tags: ["auth"],
        summary: "The signed-in user, their agency and the CSRF token",
        response: { 200: ZMeResponse, ...errorResponses },
      },
    },
    async (request) => {
      const { actor, csrfToken, expiresAt } = requireSession(request);
      return presentMe(actor, csrfToken, expiresAt);
    },
  );
};
