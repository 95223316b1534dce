import { CloseCode } from "@runder-tisch/collab-protocol";
import type { TParticipantRole } from "@runder-tisch/contracts";
import type { Database } from "@runder-tisch/db";
import type { CollabServer, ConnectionInfo } from "../collab/index.ts";
import type { DomainEvent } from "../events/domain-events.ts";
import { findCollabRole } from "../policies/collab-access.ts";
import { findMeetingCollabRole } from "../policies/working-group-access.ts";
import { findEndedSessions } from "../sessions/session-store.ts";
import { type LiveDocument, parseLiveDocumentName } from "./document-names.ts";
import type { LiveIdentity, LiveUnit } from "./live-unit.ts";

/**
 * Keeps open conference sockets within the access rule after connect: when a
 * basis is revoked, a user disabled, an invitation withdrawn or a conference
 * finalised, the affected connections are re-checked with the same policy and
 * closed or made read-only. Events are the fast path on this node; `recheckAll`,
 * driven by AccessConfirmation, is the path that holds when events do not arrive.
 */
export class AccessWatch implements LiveUnit {
  /** Which case each loaded conference document belongs to (filled at connect; null for a meeting's). */
  private readonly caseOfDocument = new Map<string, string | null>();

  constructor(
    private readonly db: Database,
    private readonly collab: CollabServer,
    private readonly onError: (error: unknown) => void,
  ) {}

  connected(documentName: string, identity: LiveIdentity): void {
    this.caseOfDocument.set(documentName, identity.caseId);
  }

  unloaded(documentName: string): void {
    this.caseOfDocument.delete(documentName);
  }

  domainEvent(event: DomainEvent): void {
    let work: Promise<void> | undefined;
    switch (event.kind) {
      case "user.cut-off":
        this.collab.closeConnections(
          (info) => info.userId === event.userId,
          CloseCode.ACCESS_REVOKED,
        );
        return;
      case "access.revoked":
        work = this.recheck(
          (info) =>
            info.agencyId === event.agencyId &&
            this.caseOfDocument.get(info.documentName) === event.caseId,
        );
        break;
      case "conference.changed":
        work = this.recheck((info) => info.documentName === event.conferenceId);
        break;
      default:
        return;
    }
    work.catch(this.onError);
  }

  /** Every open connection against the access rule and its session. */
  async recheckAll(): Promise<void> {
    await this.recheck(() => true);
    const credentials = new Set<string>();
    for (const info of this.collab.listConnections()) {
      if (info.credential) credentials.add(info.credential);
    }
    const ended = await findEndedSessions(this.db, [...credentials]);
    if (ended.size > 0) {
      this.collab.closeConnections(
        (info) => info.credential !== undefined && ended.has(info.credential),
        CloseCode.UNAUTHORISED,
      );
    }
  }

  /**
   * Re-evaluates each (document, holder) pair once and applies the outcome to its
   * connections. A conference grants access to agencies, a working group to people, so
   * the holder is the agency or the person accordingly.
   */
  private async recheck(predicate: (info: ConnectionInfo) => boolean): Promise<void> {
    // One parse per document, not one per connection and pair: many sockets share a document.
    const kinds = new Map<string, LiveDocument["kind"] | null>();
    const holderOf = (info: ConnectionInfo): string | null => {
      let kind = kinds.get(info.documentName);
      if (kind === undefined) {
        kind = parseLiveDocumentName(info.documentName)?.kind ?? null;
        kinds.set(info.documentName, kind);
      }
      if (kind === null) return null;
      return `${info.documentName}|${kind === "conference" ? `agency:${info.agencyId}` : `user:${info.userId}`}`;
    };
    const pairs = new Map<string, ConnectionInfo>();
    for (const info of this.collab.listConnections()) {
      if (!predicate(info)) continue;
      const pair = holderOf(info);
      if (pair) pairs.set(pair, info);
    }
    for (const [pair, sample] of pairs) {
      const role = await this.currentRole(sample);
      // By pair, not by the connections listed: a socket of the same holder that joined
      // while the rule was asked is judged the same way.
      const samePair = (info: ConnectionInfo) => holderOf(info) === pair;
      if (role === null) {
        this.collab.closeConnections(samePair, CloseCode.ACCESS_REVOKED);
      } else {
        this.collab.setRole((info) => samePair(info) && info.role !== role, role);
      }
    }
  }

  private async currentRole(info: ConnectionInfo): Promise<TParticipantRole | null> {
    const document = parseLiveDocumentName(info.documentName);
    if (!document) return null;
    if (document.kind === "working_group_meeting") {
      return findMeetingCollabRole(this.db, info.userId, document.meetingId);
    }
    return (await findCollabRole(this.db, info.agencyId, document.conferenceId))?.role ?? null;
  }
}
