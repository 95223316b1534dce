import type { FastifyRequest } from "fastify";
import { AppError, unauthenticated } from "../errors.ts";
import type { Actor } from "../policies/actor.ts";

/** The cookie that carries the session token; HttpOnly, so page scripts never see it. */
export const SESSION_COOKIE = "rt_session";
/** The header our own pages send the session's CSRF token in on every state change. */
export const CSRF_HEADER = "x-csrf-token";

export interface SessionState {
  actor: Actor;
  tokenHash: string;
  csrfToken: string;
  expiresAt: Date;
  signInProvider: string | null;
  secondFactor: boolean;
  hasPassword: boolean;
}

declare module "fastify" {
  interface FastifyRequest {
    session: SessionState | null;
    /** The cookie named a session that is no longer valid. */
    sessionExpired: boolean;
  }
}

/** The request's valid session, or a 401 saying whether it ran out or never was. */
export function requireSession(request: FastifyRequest): SessionState {
  if (request.session) return request.session;
  if (request.sessionExpired) {
    throw new AppError(401, "session_expired", "Your session has expired; sign in again");
  }
  throw unauthenticated();
}

/** The signed-in actor, or a 401 as `requireSession` gives it. */
export const requireActor = (request: FastifyRequest): Actor => requireSession(request).actor;
