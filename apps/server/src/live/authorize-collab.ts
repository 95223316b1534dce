import { CloseCode } from "@runder-tisch/collab-protocol";
import { type Database, schema } from "@runder-tisch/db";
import { and, eq, isNull } from "drizzle-orm";
import { recordAudit } from "../audit/audit-trail.ts";
import { describeDenial } from "../audit/describe-denial.ts";
import { type CollabAuthContext, CollabDeniedError, type CollabIdentity } from "../collab/index.ts";
import type { Actor } from "../policies/actor.ts";
import { findCollabRole } from "../policies/collab-access.ts";
import { SESSION_COOKIE } from "../sessions/request-session.ts";
import { findSession, type SessionPolicy } from "../sessions/session-store.ts";
import type { CollabTokens } from "./collab-token.ts";

export interface CollabAuthDependencies {
  db: Database;
  sessionPolicy: SessionPolicy;
  tokens: CollabTokens;
  /** The app's cookie parser (@fastify/cookie), the same one HTTP requests go through. */
  parseCookie(header: string): Record<string, string | undefined>;
}

const deny = (code: CloseCode, message: string) => new CollabDeniedError(code, message);

/** The socket's route, as the audit trail names it. */
export const COLLAB_ROUTE = "/api/collab/:conferenceId";

async function actorFromToken(db: Database, userId: string): Promise<Actor | null> {
  const [row] = await db
    .select({ user: schema.users, agency: schema.agencies })
    .from(schema.users)
    .innerJoin(schema.agencies, eq(schema.agencies.id, schema.users.agencyId))
    .where(
      and(
        eq(schema.users.id, userId),
        isNull(schema.users.disabledAt),
        eq(schema.agencies.active, true),
      ),
    );
  if (!row) return null;
  return {
    userId: row.user.id,
    email: row.user.email,
    displayName: row.user.displayName,
    role: row.user.role,
    agencyId: row.agency.id,
    agencyName: row.agency.name,
  };
}

/** Who is connecting: the browser's session cookie, or a collaboration token for this conference. */
export async function resolveCollabActor(
  deps: CollabAuthDependencies,
  conferenceId: string,
  context: CollabAuthContext,
): Promise<Actor> {
  if (context.token) {
    const userId = deps.tokens.verify(context.token, conferenceId);
    const actor = userId ? await actorFromToken(deps.db, userId) : null;
    if (!actor) throw deny(CloseCode.UNAUTHORISED, "invalid or expired token");
    return actor;
  }
  const sessionToken = context.cookieHeader
    ? deps.parseCookie(context.cookieHeader)[SESSION_COOKIE]
    : undefined;
  if (!sessionToken) throw deny(CloseCode.UNAUTHORISED, "not signed in");
  const session = await findSession(deps.db, sessionToken, deps.sessionPolicy);
  if (session.state !== "valid") throw deny(CloseCode.UNAUTHORISED, "session expired");
  return session.actor;
}

/**
 * The connect-time check of the conference socket, on the same policy
 * functions as the REST API. Unknown and forbidden conferences look alike.
 */
export async function authorizeCollab(
  deps: CollabAuthDependencies,
  conferenceId: string,
  context: CollabAuthContext,
): Promise<CollabIdentity & { caseId: string }> {
  const actor = await resolveCollabActor(deps, conferenceId, context);
  const granted = await findCollabRole(deps.db, actor.agencyId, conferenceId);
  if (!granted) {
    await recordAudit(deps.db, {
      ...describeDenial(
        { targetType: "conference_document", targetId: conferenceId },
        { route: COLLAB_ROUTE, method: "GET", status: CloseCode.FORBIDDEN },
      ),
      userId: actor.userId,
      agencyId: actor.agencyId,
    });
    throw deny(CloseCode.FORBIDDEN, "no such conference");
  }
  return {
    userId: actor.userId,
    userName: actor.displayName,
    agencyId: actor.agencyId,
    agencyName: actor.agencyName,
    role: granted.role,
    caseId: granted.caseId,
  };
}
