import { ZLoginRequest, ZMeResponse, ZOkResponse } from "@runder-tisch/contracts";
import { schema } from "@runder-tisch/db";
import { eq } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { recordAudit } from "../../audit/audit-trail.ts";
import { AppError } from "../../errors.ts";
import type { Actor } from "../../policies/actor.ts";
import { requireActor } from "../../sessions/request-session.ts";
import { createSession, revokeSession } from "../../sessions/session-store.ts";
import { errorResponses } from "../shared.ts";
import { authenticateUser } from "./login.ts";

const presentMe = (actor: Actor, agencyKind: string, csrfToken: string, expiresAt: Date) =>
  ZMeResponse.parse({
    user: {
      id: actor.userId,
      email: actor.email,
      displayName: actor.displayName,
      role: actor.role,
    },
    agency: { id: actor.agencyId, name: actor.agencyName, kind: agencyKind },
    csrfToken,
    sessionExpiresAt: expiresAt.toISOString(),
  });

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const agencyKind = async (agencyId: string) => {
    const [agency] = await app.db
      .select({ kind: schema.agencies.kind })
      .from(schema.agencies)
      .where(eq(schema.agencies.id, agencyId));
    return agency?.kind ?? "sonstige";
  };

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
      const user = await authenticateUser(app.db, request.body, {
        failuresBeforeLock: app.config.LOGIN_FAILURES_BEFORE_LOCK,
        lockMinutes: app.config.LOGIN_LOCK_MINUTES,
        refuseDemoPasswords: app.config.NODE_ENV === "production",
      });
      const [agency] = await app.db
        .select()
        .from(schema.agencies)
        .where(eq(schema.agencies.id, user.agencyId));
      if (!agency?.active) {
        throw new AppError(403, "account_disabled", "Your agency's access is switched off", {
          reason: "agency_switched_off",
        });
      }
      const session = await app.db.transaction(async (tx) => {
        const issued = await createSession(tx, user.id, app.sessionPolicy);
        await recordAudit(tx, {
          action: "login",
          targetType: "session",
          userId: user.id,
          agencyId: agency.id,
          requestId: request.id,
        });
        return issued;
      });
      app.setSessionCookie(reply, session.token, session.expiresAt);
      const actor: Actor = {
        userId: user.id,
        email: user.email,
        displayName: user.displayName,
        role: user.role,
        agencyId: agency.id,
        agencyName: agency.name,
      };
      return presentMe(actor, agency.kind, session.csrfToken, session.expiresAt);
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
      const actor = requireActor(request);
      const session = request.session;
      if (!session) throw new AppError(401, "unauthenticated", "Sign in first");
      return presentMe(
        actor,
        await agencyKind(actor.agencyId),
        session.csrfToken,
        session.expiresAt,
      );
    },
  );
};
