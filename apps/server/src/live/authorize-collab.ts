import { CloseCode } from "@runder-tisch/collab-protocol";
import { type Database, schema } from "@runder-tisch/db";
import { and, eq, isNull } from "drizzle-orm";
import { recordAudit } from "../audit/audit-trail.ts";
import { describeDenial } from "../audit/describe-denial.ts";
import { type CollabAuthContext, CollabDeniedError } from "../collab/index.ts";
import { type Actor, actorFrom } from "../policies/actor.ts";
import { findCollabRole } from "../policies/collab-access.ts";
import { findEndedSessions } from "../sessions/session-store.ts";
import type { CollabTokens } from "./collab-token.ts";
import type { LiveIdentity, LiveUnit } from "./live-unit.ts";

/** The socket's route, as the audit trail names it. */
export const COLLAB_ROUTE = "/api/collab/:conferenceId";

/**
 * What the HTTP layer hands over with a socket: the actor of the session it
 * already looked up for this request (so the socket does not look it up again),
 * whether the cookie named an expired session, and a token from the query.
 */
export interface CollabPrincipal {
  actor: Actor | null;
  /** The session the actor came from; the connection ends with it. */
  sessionTokenHash: string | null;
  sessionExpired: boolean;
}

const deny = (code: CloseCode, message: string) => new CollabDeniedError(code, message);

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
  return row ? actorFrom(row.user, row.agency) : null;
}

/**
 * The connect-time check of the conference socket, on the same policy
 * functions as the REST API. Unknown and forbidden conferences look alike, and
 * a refusal of a signed-in caller is audited like any other.
 */
export class SocketAuthentication implements LiveUnit {
  constructor(
    private readonly db: Database,
    private readonly tokens: CollabTokens,
  ) {}

  async authenticate(input: {
    documentName: string;
    context: CollabAuthContext;
  }): Promise<LiveIdentity> {
    const conferenceId = input.documentName;
    const { actor, sessionTokenHash } = await this.resolveActor(conferenceId, input.context);
    const granted = await findCollabRole(this.db, actor.agencyId, conferenceId);
    if (!granted) {
      await recordAudit(this.db, {
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
      credential: sessionTokenHash,
    };
  }

  /** The browser's session (already looked up by the HTTP layer), or a token for this conference. */
  private async resolveActor(
    conferenceId: string,
    context: CollabAuthContext,
  ): Promise<{ actor: Actor; sessionTokenHash: string }> {
    if (context.token) {
      const holder = this.tokens.verify(context.token, conferenceId);
      const sessionEnded =
        holder === null || (await findEndedSessions(this.db, [holder.sessionTokenHash])).size > 0;
      const actor = holder && !sessionEnded ? await actorFromToken(this.db, holder.userId) : null;
      if (!holder || !actor) throw deny(CloseCode.UNAUTHORISED, "invalid or expired token");
      return { actor, sessionTokenHash: holder.sessionTokenHash };
    }
    const principal = context.principal as CollabPrincipal | undefined;
    if (principal?.actor && principal.sessionTokenHash) {
      return { actor: principal.actor, sessionTokenHash: principal.sessionTokenHash };
    }
    throw deny(
      CloseCode.UNAUTHORISED,
      principal?.sessionExpired ? "session expired" : "not signed in",
    );
  }
}
