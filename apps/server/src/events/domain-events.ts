import { EventEmitter } from "node:events";
import type { TConferenceStatus } from "@runder-tisch/contracts";

/**
 * What happened to case data, announced after the database write committed.
 * The live inbox channel and the conference document projection listen here;
 * with REDIS_URL set, events also reach the other server nodes.
 */
export type DomainEvent =
  | {
      kind: "action.created" | "action.changed" | "action.commented";
      actionId: string;
      caseId: string;
      conferenceId: string | null;
      responsibleAgencyId: string;
      responsibleUserId: string | null;
      /** The previous responsible agency when it changed, so its inbox drops the action. */
      previousAgencyId?: string | null;
      previousUserId?: string | null;
      actorUserId: string | null;
      /** "document": made in the live conference document, which needs no write-back. */
      writtenVia: "api" | "document";
      /** People the change notified (in its transaction): their open pages update the count. */
      notifiedUserIds?: string[];
    }
  | {
      kind: "conference.changed";
      conferenceId: string;
      caseId: string;
      status: TConferenceStatus;
      participantAgencyIds: string[];
      actorUserId: string | null;
    }
  | {
      kind: "access.revoked";
      caseId: string;
      agencyId: string;
    }
  | {
      /**
       * The person may no longer use what they have open: disabled, their agency
       * switched off, or moved to another agency. Every socket and stream of theirs ends.
       */
      kind: "user.cut-off";
      userId: string;
    }
  | {
      /** Notifications for these people committed (reminders, conference changes). */
      kind: "notification.created";
      userIds: string[];
    }
  | {
      /** A working group's action for an agency was created or changed (no case data). */
      kind: "systemic_action.changed";
      /** The agency that owns it: its inboxes show it. */
      agencyIds: string[];
      /** The group's members: their group page shows it. */
      userIds: string[];
    };

/** "remote" when the event was published on another server node and relayed here. */
export type EventOrigin = "local" | "remote";
export type DomainEventListener = (event: DomainEvent, origin: EventOrigin) => void;

export class DomainEvents {
  private readonly emitter = new EventEmitter();
  /** Set when other nodes must hear about this node's events too. */
  private forward: ((event: DomainEvent) => void) | null = null;

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  publish(event: DomainEvent): void {
    this.deliver(event, "local");
    this.forward?.(event);
  }

  forwardTo(forward: ((event: DomainEvent) => void) | null): void {
    this.forward = forward;
  }

  /** Hands an event to this node's listeners only (events from other nodes arrive here). */
  deliver(event: DomainEvent, origin: EventOrigin = "remote"): void {
    // A failing listener must not fail the request that already committed.
    for (const listener of this.emitter.listeners("event") as DomainEventListener[]) {
      try {
        listener(event, origin);
      } catch {
        /* listeners report their own errors */
      }
    }
  }

  subscribe(listener: DomainEventListener): () => void {
    this.emitter.on("event", listener);
    return () => this.emitter.off("event", listener);
  }
}
