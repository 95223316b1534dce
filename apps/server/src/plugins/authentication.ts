import type { FastifyReply } from "fastify";
import fp from "fastify-plugin";
import { AppError } from "../errors.ts";
import { safeEqual } from "../lib/tokens.ts";
import { CSRF_HEADER, SESSION_COOKIE } from "../sessions/request-session.ts";
import { findSession, type SessionPolicy } from "../sessions/session-store.ts";

declare module "fastify" {
  interface FastifyContextConfig {
    /** Only for signing in, where no session (and so no CSRF token) exists yet. */
    skipCsrf?: boolean;
  }
  interface FastifyInstance {
    sessionPolicy: SessionPolicy;
    setSessionCookie(reply: FastifyReply, token: string, expiresAt: Date): void;
    clearSessionCookie(reply: FastifyReply): void;
  }
}

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export const authenticationPlugin = fp(
  async (app) => {
    const policy: SessionPolicy = {
      idleMinutes: app.config.SESSION_IDLE_MINUTES,
      maxHours: app.config.SESSION_MAX_HOURS,
    };
    const secureCookies = app.config.COOKIE_SECURE ?? app.config.TRUST_PROXY;
    app.decorate("sessionPolicy", policy);
    app.decorate("setSessionCookie", (reply: FastifyReply, token: string, expiresAt: Date) => {
      reply.setCookie(SESSION_COOKIE, token, {
        path: "/",
        httpOnly: true,
        sameSite: "strict",
        secure: secureCookies,
        expires: expiresAt,
      });
    });
    app.decorate("clearSessionCookie", (reply: FastifyReply) => {
      reply.clearCookie(SESSION_COOKIE, {
        path: "/",
        httpOnly: true,
        sameSite: "strict",
        secure: secureCookies,
      });
    });
    app.decorateRequest("session", null);
    app.decorateRequest("sessionExpired", false);

    app.addHook("onRequest", async (request) => {
      // The web app's files need no session; looking one up would cost a query per asset.
      if (!request.url.startsWith("/api/")) return;
      const token = request.cookies[SESSION_COOKIE];
      if (!token) return;
      const found = await findSession(app.db, token, policy);
      if (found.state === "valid") {
        request.session = found;
      } else {
        request.sessionExpired = true;
      }
    });

    // Cookies ride along on cross-site requests; the CSRF token, readable only by our own pages, does not.
    app.addHook("preHandler", async (request) => {
      if (!UNSAFE_METHODS.has(request.method) || !request.session) return;
      if (request.routeOptions.config.skipCsrf) return;
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== "string" || !safeEqual(sent, request.session.csrfToken)) {
        throw new AppError(403, "csrf_failed", `Missing or wrong ${CSRF_HEADER} header`);
      }
    });
  },
  { name: "authentication", dependencies: ["database", "config"] },
);
