import { CloseCode } from "@runder-tisch/collab-protocol";
import { type Database, schema } from "@runder-tisch/db";
import { and, eq, isNull } from "drizzle-orm";
import { recordAudit } from "../audit/audit-trail.ts";
import { describeDenial } from "../audit/describe-denial.ts";
import { type CollabAuthContext, CollabDeniedError } from "../collab/index.ts";
import { type Actor, actorFrom } from "../policies/actor.ts";
import { findCollabRole } from "../policies/collab-access.ts";
import { findMeetingCollabRole } from "../policies/working-group-access.ts";
import { findEndedSessions } from "../sessions/session-store.ts";
import type { CollabTokens } from "./collab-token.ts";
import { parseLiveDocumentName } from "./document-names.ts";
import type { LiveIdentity, LiveUnit } from "./live-unit.ts";

/** The sockets' routes, as the audit trail names them. */
export const COLLAB_ROUTE = "/api/collab/:conferenceId";
export const MEETING_COLLAB_ROUTE = "/api/collab/working-group-meetings/:meetingId";

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
    const document = parseLiveDocumentName(input.documentName);
    if (!document) throw deny(CloseCode.FORBIDDEN, "no such document");
    const { actor, sessionTokenHash } = await this.resolveActor(input.documentName, input.context);
    const granted =
      document.kind === "conference"
        ? await findCollabRole(this.db, actor.agencyId, document.conferenceId)
        : await this.meetingRole(actor, document.meetingId);
    if (!granted) {
      const [targetType, route] =
        document.kind === "conference"
          ? (["conference_document", COLLAB_ROUTE] as const)
          : (["working_group_meeting", MEETING_COLLAB_ROUTE] as const);
      await recordAudit(this.db, {
        ...describeDenial(
          {
            targetType,
            targetId: document.kind === "conference" ? document.conferenceId : document.meetingId,
          },
          { route, method: "GET", status: CloseCode.FORBIDDEN },
        ),
        userId: actor.userId,
        agencyId: actor.agencyId,
      });
      throw deny(CloseCode.FORBIDDEN, "no such document");
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

  private async meetingRole(actor: Actor, meetingId: string) {
    const role = await findMeetingCollabRole(this.db, actor.userId, meetingId);
    return role ? { role, caseId: null } : null;
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
