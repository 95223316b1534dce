import {
  ZLoginRequest,
  ZLogoutResponse,
  ZMeResponse,
  ZSignInOptions,
} from "@runder-tisch/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { AppError, forbidden } from "../../errors.ts";
import { requireSession } from "../../sessions/request-session.ts";
import { revokeSession } from "../../sessions/session-store.ts";
import { errorResponses } from "../shared.ts";
import { authenticateUser } from "./authenticate-user.ts";
import { presentMe } from "./present-me.ts";
import { providerSignOutAddress } from "./provider-sign-out.ts";
import { startSession } from "./start-session.ts";

export const sessionRoutes: FastifyPluginAsyncZod = async (app) => {
  const requiredFor = app.config.SECOND_FACTOR_REQUIRED_FOR;

  app.get(
    "/api/auth/options",
    {
      schema: {
        tags: ["auth"],
        summary: "How people sign in here: identity providers, and whether passwords are taken",
        security: [],
        response: { 200: ZSignInOptions },
      },
    },
    async () => ({
      passwordSignIn: app.config.PASSWORD_SIGN_IN,
      providers: app.oidcClients.providers.map(({ id, label }) => ({ id, label })),
    }),
  );

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
      if (!app.config.PASSWORD_SIGN_IN) {
        throw forbidden("password_sign_in_off", "Sign in through your organisation's provider");
      }
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
      return presentMe(
        {
          actor,
          ...session,
          signInProvider: null,
          secondFactor: user.totpSecret !== null,
          hasPassword: true,
        },
        requiredFor,
      );
    },
  );

  app.post(
    "/api/auth/logout",
    {
      config: { beforeSecondFactor: true },
      schema: {
        tags: ["auth"],
        summary: "Sign out; ends the session on the server (and names the provider's sign-out)",
        response: { 200: ZLogoutResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const session = request.session;
      if (session) {
        await request.auditedWrite(
          (tx) => revokeSession(tx, session.tokenHash),
          () => ({ action: "logout", targetType: "session" }),
        );
      }
      app.clearSessionCookie(reply);
      const continueAt = session?.signInProvider
        ? await providerSignOutAddress(app, request, session.signInProvider)
        : undefined;
      return { ok: true as const, ...(continueAt ? { continueAt } : {}) };
    },
  );

  app.get(
    "/api/me",
    {
      config: { beforeSecondFactor: true },
      schema: {
        tags: ["auth"],
        summary: "The signed-in user, their agency and the CSRF token",
        response: { 200: ZMeResponse, ...errorResponses },
      },
    },
    async (request) => presentMe(requireSession(request), requiredFor),
  );
};
