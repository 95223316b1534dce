import { CloseCode } from "@runder-tisch/collab-protocol";
import type { Database } from "@runder-tisch/db";
import type { CollabServer, ConnectionInfo } from "../collab/index.ts";
import type { DomainEvent } from "../events/domain-events.ts";
import { findCollabRole } from "../policies/collab-access.ts";
import { findEndedSessions } from "../sessions/session-store.ts";
import type { LiveIdentity, LiveUnit } from "./live-unit.ts";

/**
 * Keeps open conference sockets within the access rule after connect: when a
 * basis is revoked, a user disabled, an invitation withdrawn or a conference
 * finalised, the affected connections are re-checked with the same policy and
 * closed or made read-only. Events are the fast path on this node; `recheckAll`,
 * driven by AccessConfirmation, is the path that holds when events do not arrive.
 */
export class AccessWatch implements LiveUnit {
  /** Which case each loaded conference document belongs to (filled at connect). */
  private readonly caseOfDocument = new Map<string, string>();

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
      case "user.disabled":
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

  /** Re-evaluates each (document, agency) pair once and applies the outcome to its connections. */
  private async recheck(predicate: (info: ConnectionInfo) => boolean): Promise<void> {
    const pairs = new Map<string, { documentName: string; agencyId: string }>();
    for (const info of this.collab.listConnections()) {
      if (predicate(info)) {
        pairs.set(`${info.documentName}|${info.agencyId}`, {
          documentName: info.documentName,
          agencyId: info.agencyId,
        });
      }
    }
    for (const { documentName, agencyId } of pairs.values()) {
      const role = await this.currentRole(documentName, agencyId);
      const sameAgency = (info: ConnectionInfo) =>
        info.documentName === documentName && info.agencyId === agencyId;
      if (role === null) {
        this.collab.closeConnections(sameAgency, CloseCode.ACCESS_REVOKED);
      } else {
        this.collab.setRole((info) => sameAgency(info) && info.role !== role, role);
      }
    }
  }

  private async currentRole(conferenceId: string, agencyId: string) {
    return (await findCollabRole(this.db, agencyId, conferenceId))?.role ?? null;
  }
}
