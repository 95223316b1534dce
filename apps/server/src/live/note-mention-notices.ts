import { insertedNoteMentions } from "@runder-tisch/conference-doc";
import type { Database } from "@runder-tisch/db";
import type { ChangeEvent } from "../collab/index.ts";
import { notifyNoteMentions } from "../domain/notifications/index.ts";
import type { DomainEvents } from "../events/domain-events.ts";
import { isUuid } from "../lib/uuid.ts";
import { isConferenceDocument } from "./document-names.ts";
import type { LiveUnit } from "./live-unit.ts";

/**
 * Tells people they were mentioned (@) in a conference's notes. Only the node where the
 * writer's update arrived acts on it (changes relayed from other nodes carry no writer),
 * and the notices are keyed by the mention node, so each mention is announced once.
 */
export class NoteMentionNotices implements LiveUnit {
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly deps: {
      db: Database;
      events: DomainEvents;
      onError: (error: unknown) => void;
    },
  ) {}

  changed(event: ChangeEvent): void {
    const actor = event.actor;
    if (!actor?.agencyId || !isUuid(actor.userId) || !isConferenceDocument(event.documentName))
      return;
    const mentions = insertedNoteMentions(event.doc, event.update);
    if (mentions.length === 0) return;
    const work = notifyNoteMentions(this.deps.db, {
      conferenceId: event.documentName,
      actorUserId: actor.userId,
      mentions,
    })
      .then((userIds) => {
        if (userIds.length > 0) this.deps.events.publish({ kind: "notification.created", userIds });
      })
      .catch(this.deps.onError)
      .finally(() => this.inFlight.delete(work));
    this.inFlight.add(work);
  }

  /** Waits for notices being written (tests, shutdown). */
  async settle(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
  }

  beforeClose(): Promise<void> {
    return this.settle();
  }
}
