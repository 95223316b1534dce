import type { TLiveEvent } from "@runder-tisch/contracts";
import { type Database, schema } from "@runder-tisch/db";
import { eq } from "drizzle-orm";
import type { DomainEvent } from "../events/domain-events.ts";
import { findAccessibleCase } from "../policies/case-access.ts";
import { findEndedSessions } from "../sessions/session-store.ts";
import type { LiveUnit } from "./live-unit.ts";

export interface FeedSubscriber {
  userId: string;
  agencyId: string;
  /** The session the stream was opened with; the stream ends with it. */
  sessionTokenHash: string;
  send(message: TLiveEvent): void;
  close(): void;
}

/**
 * Pushes changes of action items and conferences to the people whose inbox or
 * case page shows them, and to nobody whose agency may not see the case.
 */
export class LiveFeed implements LiveUnit {
  private readonly byAgency = new Map<string, Set<FeedSubscriber>>();

  constructor(
    private readonly db: Database,
    private readonly onError: (error: unknown) => void,
  ) {}

  add(subscriber: FeedSubscriber): () => void {
    const set = this.byAgency.get(subscriber.agencyId) ?? new Set();
    set.add(subscriber);
    this.byAgency.set(subscriber.agencyId, set);
    return () => {
      set.delete(subscriber);
      if (set.size === 0) this.byAgency.delete(subscriber.agencyId);
    };
  }

  /** Ends every stream, so a shutdown does not wait for browsers to hang up. */
  async stop(): Promise<void> {
    for (const set of [...this.byAgency.values()]) {
      for (const subscriber of [...set]) subscriber.close();
    }
  }

  /** Ends the streams whose session ended (signed out, disabled ...), on any node. */
  async recheckAll(): Promise<void> {
    const subscribers = [...this.byAgency.values()].flatMap((set) => [...set]);
    const ended = await findEndedSessions(this.db, [
      ...new Set(subscribers.map((subscriber) => subscriber.sessionTokenHash)),
    ]);
    for (const subscriber of subscribers) {
      if (ended.has(subscriber.sessionTokenHash)) subscriber.close();
    }
  }

  get size(): number {
    let total = 0;
    for (const set of this.byAgency.values()) total += set.size;
    return total;
  }

  domainEvent(event: DomainEvent): void {
    if (event.kind === "user.cut-off") {
      for (const set of this.byAgency.values()) {
        for (const subscriber of set) if (subscriber.userId === event.userId) subscriber.close();
      }
      return;
    }
    if (event.kind === "access.revoked") {
      this.announceRevocation(event).catch(this.onError);
      return;
    }
    if (event.kind === "notification.created") {
      this.announceNotifications(event.userIds);
      return;
    }
    if (event.kind === "systemic_action.changed") {
      this.announceSystemicAction(event.agencyIds, event.userIds);
      return;
    }
    if (event.kind !== "conference.changed" && event.notifiedUserIds) {
      this.announceNotifications(event.notifiedUserIds);
    }
    this.fanOut(event).catch(this.onError);
  }

  /**
   * Tells the recipients' open pages that their unread count changed; the message carries
   * nothing else, so it needs no access check (the list re-checks access when read).
   */
  private announceNotifications(userIds: readonly string[]) {
    if (userIds.length === 0) return;
    const recipients = new Set(userIds);
    const message: TLiveEvent = { kind: "notification.created" };
    for (const set of this.byAgency.values()) {
      for (const subscriber of set) if (recipients.has(subscriber.userId)) subscriber.send(message);
    }
  }

  /** Names no case and carries no content: whoever it reaches re-reads under their own rights. */
  private announceSystemicAction(agencyIds: readonly string[], userIds: readonly string[]) {
    const message: TLiveEvent = { kind: "systemic_action.changed" };
    const agencies = new Set(agencyIds);
    const people = new Set(userIds);
    for (const [agencyId, set] of this.byAgency) {
      for (const subscriber of set) {
        if (agencies.has(agencyId) || people.has(subscriber.userId)) subscriber.send(message);
      }
    }
  }

  /**
   * Tells the agency that lost access (its open pages drop the case; it knew the case
   * id already) and the owning agency (actions that agency was responsible for now
   * need a new owner).
   */
  private async announceRevocation(event: Extract<DomainEvent, { kind: "access.revoked" }>) {
    const [owner] = await this.db
      .select({ agencyId: schema.cases.ownerAgencyId })
      .from(schema.cases)
      .where(eq(schema.cases.id, event.caseId));
    const message: TLiveEvent = { kind: "case.access_changed", caseId: event.caseId };
    for (const agencyId of new Set([event.agencyId, owner?.agencyId])) {
      if (agencyId === undefined) continue;
      for (const subscriber of this.byAgency.get(agencyId) ?? []) subscriber.send(message);
    }
  }

  private async fanOut(
    event: Exclude<
      DomainEvent,
      {
        kind:
          | "user.cut-off"
          | "access.revoked"
          | "notification.created"
          | "systemic_action.changed";
      }
    >,
  ) {
    const message: TLiveEvent =
      event.kind === "conference.changed"
        ? {
            kind: event.kind,
            conferenceId: event.conferenceId,
            caseId: event.caseId,
            status: event.status,
          }
        : {
            kind: event.kind,
            actionId: event.actionId,
            caseId: event.caseId,
            conferenceId: event.conferenceId,
          };
    const candidates =
      event.kind === "conference.changed"
        ? new Set(event.participantAgencyIds)
        : new Set(
            [event.responsibleAgencyId, event.previousAgencyId].filter((id): id is string =>
              Boolean(id),
            ),
          );
    const namedUsers =
      event.kind === "conference.changed"
        ? new Set<string>()
        : new Set(
            [event.responsibleUserId, event.previousUserId].filter((id): id is string =>
              Boolean(id),
            ),
          );
    // The owning agency's case page shows every action and conference of the case.
    const [owner] = await this.db
      .select({ agencyId: schema.cases.ownerAgencyId })
      .from(schema.cases)
      .where(eq(schema.cases.id, event.caseId));
    if (owner) candidates.add(owner.agencyId);
    for (const agencyId of candidates) {
      const subscribers = this.byAgency.get(agencyId);
      if (!subscribers || subscribers.size === 0) continue;
      const found = await findAccessibleCase(this.db, agencyId, event.caseId);
      if (!found) continue;
      const concerned =
        found.access.isOwner ||
        (event.kind === "conference.changed"
          ? event.participantAgencyIds.includes(agencyId)
          : agencyId === event.responsibleAgencyId || agencyId === event.previousAgencyId);
      for (const subscriber of subscribers) {
        if (concerned || namedUsers.has(subscriber.userId)) subscriber.send(message);
      }
    }
  }
}
