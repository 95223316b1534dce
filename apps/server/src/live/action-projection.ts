import {
  type ActionEntry,
  createEntryMap,
  getActions,
  readActions,
  setProjectionError,
} from "@runder-tisch/conference-doc";
import type { TErrorReason } from "@runder-tisch/contracts";
import { type Database, schema } from "@runder-tisch/db";
import { eq, inArray } from "drizzle-orm";
import type { ChangeEvent, CollabServer } from "../collab/index.ts";
import { createAction } from "../domain/actions/create-action.ts";
import type { ActionRow } from "../domain/actions/find-action.ts";
import { updateAction } from "../domain/actions/update-action.ts";
import { AppError } from "../errors.ts";
import type { DomainEvent, DomainEvents, EventOrigin } from "../events/domain-events.ts";
import type { LiveUnit } from "./live-unit.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PROJECTED_FIELDS = [
  "title",
  "description",
  "responsibleAgencyId",
  "responsiblePersonId",
  "dueDate",
  "status",
] as const;
type ProjectedField = (typeof PROJECTED_FIELDS)[number];
type ProjectedValues = Pick<ActionEntry, ProjectedField>;

function valuesOfRow(row: ActionRow): ProjectedValues {
  return {
    title: row.title,
    description: row.description,
    responsibleAgencyId: row.responsibleAgencyId,
    responsiblePersonId: row.responsibleUserId,
    dueDate: row.dueDate,
    status: row.status as ActionEntry["status"],
  };
}

const fingerprint = (values: ProjectedValues) =>
  JSON.stringify(PROJECTED_FIELDS.map((f) => values[f]));

interface Writer {
  userId: string;
  agencyId: string;
}

/**
 * Action items are one thing in two views: entries of the conference document's
 * actions map and rows of the actions table. Document edits are written to the
 * table through the same business functions as the REST API (so the same rules
 * apply); table changes are written back into the document. An entry that
 * cannot be projected is marked with `projectionError` instead.
 */
export class ActionProjection implements LiveUnit {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly writers = new Map<string, Writer>();
  /** What each entry looked like when it last agreed with the table; only differences are projected. */
  private readonly agreed = new Map<string, Map<string, string>>();
  private readonly running = new Map<string, Promise<void>>();

  constructor(
    private readonly deps: {
      db: Database;
      collab: CollabServer;
      events: DomainEvents;
      onError: (error: unknown, context: string) => void;
      debounceMs?: number;
    },
  ) {}

  /** Document → table, a moment after the last edit (one projection per burst of typing). */
  changed(event: ChangeEvent): void {
    const actor = event.actor;
    // Changes relayed from another node are projected there; the server's own writes need no projection.
    if (!actor?.agencyId || !UUID.test(actor.userId)) return;
    this.writers.set(event.documentName, { userId: actor.userId, agencyId: actor.agencyId });
    clearTimeout(this.timers.get(event.documentName));
    this.timers.set(
      event.documentName,
      setTimeout(() => this.run(event.documentName), this.deps.debounceMs ?? 100),
    );
  }

  unloaded(documentName: string): void {
    clearTimeout(this.timers.get(documentName));
    this.timers.delete(documentName);
    this.agreed.delete(documentName);
  }

  /**
   * Table → document, for changes made through the REST API on this node (the
   * node where a change happened writes it into the document; the bus carries it on).
   */
  domainEvent(event: DomainEvent, origin: EventOrigin): void {
    if (origin === "local") this.tableChanged(event);
  }

  /** Finishes projections in flight before the documents are flushed and unloaded. */
  beforeClose(): Promise<void> {
    return this.settle();
  }

  private tableChanged(event: DomainEvent): void {
    if (
      event.kind !== "action.created" &&
      event.kind !== "action.changed" &&
      event.kind !== "action.commented"
    ) {
      return;
    }
    // A change that came from the document is there already; reading it back would be an echo.
    if (!event.conferenceId || event.writtenVia === "document") return;
    this.writeIntoDocument(event.conferenceId, event.actionId, event.actorUserId).catch((error) =>
      this.deps.onError(error, "writing an action into its conference document"),
    );
  }

  /** Waits for projections in flight (tests, shutdown). */
  async settle(): Promise<void> {
    while (this.timers.size > 0 || this.running.size > 0) {
      for (const [name, timer] of this.timers) {
        clearTimeout(timer);
        this.timers.delete(name);
        this.run(name);
      }
      await Promise.allSettled([...this.running.values()]);
    }
  }

  private run(documentName: string): void {
    this.timers.delete(documentName);
    const previous = this.running.get(documentName) ?? Promise.resolve();
    const next = previous
      .then(() => this.projectDocument(documentName))
      .catch((error) => this.deps.onError(error, "projecting conference actions"))
      .finally(() => {
        if (this.running.get(documentName) === next) this.running.delete(documentName);
      });
    this.running.set(documentName, next);
  }

  private async projectDocument(documentName: string): Promise<void> {
    const writer = this.writers.get(documentName);
    if (!writer || !this.deps.collab.isLoaded(documentName)) return;
    let entries: ReturnType<typeof readActions> = [];
    await this.deps.collab.transact(
      documentName,
      (doc) => {
        entries = readActions(doc);
      },
      writer,
    );
    const agreed = this.agreed.get(documentName) ?? new Map<string, string>();
    this.agreed.set(documentName, agreed);
    const changed = entries.filter(
      (entry) => !entry.ok || agreed.get(entry.action.id) !== fingerprint(entry.action),
    );
    if (changed.length === 0) return;
    const ids = changed.flatMap((entry) =>
      entry.ok && UUID.test(entry.action.id) ? [entry.action.id] : [],
    );
    const rows = ids.length
      ? await this.deps.db.select().from(schema.actions).where(inArray(schema.actions.id, ids))
      : [];
    const rowById = new Map(rows.map((row) => [row.id, row]));
    const marks = new Map<string, TErrorReason | null>();
    for (const entry of changed) {
      if (!entry.ok) {
        marks.set(entry.id, "action_entry_incomplete");
        continue;
      }
      marks.set(
        entry.action.id,
        await this.projectEntry(documentName, writer, entry.action, rowById.get(entry.action.id)),
      );
    }
    await this.deps.collab.transact(
      documentName,
      (doc) => {
        for (const [id, reason] of marks) setProjectionError(doc, id, reason);
      },
      writer,
    );
  }

  /** Returns the reason to mark on the entry, or null when table and document agree. */
  private async projectEntry(
    conferenceId: string,
    writer: Writer,
    entry: ActionEntry,
    row: ActionRow | undefined,
  ): Promise<TErrorReason | null> {
    if (!UUID.test(entry.id)) return "action_id_invalid";
    try {
      let result: Awaited<ReturnType<typeof createAction>>;
      if (!row) {
        // In one go, whatever its status: one transaction, one history row, one created event.
        result = await createAction(this.deps.db, writer, {
          id: entry.id,
          conferenceId,
          title: entry.title,
          description: entry.description,
          responsibleAgencyId: entry.responsibleAgencyId,
          responsiblePersonId: entry.responsiblePersonId,
          dueDate: entry.dueDate,
          status: entry.status,
          writtenVia: "document",
        });
      } else {
        const current = valuesOfRow(row);
        const patch: Partial<ProjectedValues> = {};
        for (const field of PROJECTED_FIELDS) {
          if (current[field] !== entry[field]) Object.assign(patch, { [field]: entry[field] });
        }
        if (Object.keys(patch).length === 0) {
          this.remember(conferenceId, entry.id, current);
          return null;
        }
        result = await updateAction(this.deps.db, writer, {
          actionId: entry.id,
          ...patch,
          writtenVia: "document",
        });
      }
      this.remember(conferenceId, entry.id, valuesOfRow(result.action));
      if (result.event) this.deps.events.publish(result.event);
      return null;
    } catch (error) {
      if (error instanceof AppError) return error.reason ?? "invalid";
      throw error;
    }
  }

  private remember(documentName: string, actionId: string, values: ProjectedValues) {
    const agreed = this.agreed.get(documentName) ?? new Map<string, string>();
    agreed.set(actionId, fingerprint(values));
    this.agreed.set(documentName, agreed);
  }

  private async writeIntoDocument(
    conferenceId: string,
    actionId: string,
    actorUserId: string | null,
  ) {
    const [row] = await this.deps.db
      .select()
      .from(schema.actions)
      .where(eq(schema.actions.id, actionId));
    if (!row || row.conferenceId !== conferenceId) return;
    const values = valuesOfRow(row);
    await this.deps.collab.transact(
      conferenceId,
      (doc) => {
        const actions = getActions(doc);
        const existing = actions.get(actionId);
        if (!existing) {
          actions.set(
            actionId,
            createEntryMap({ ...values, commentCount: row.commentCount, projectionError: null }),
          );
          return;
        }
        for (const field of PROJECTED_FIELDS) {
          if (existing.get(field) !== values[field]) existing.set(field, values[field]);
        }
        if (existing.get("commentCount") !== row.commentCount)
          existing.set("commentCount", row.commentCount);
        if (existing.get("projectionError") !== null) existing.set("projectionError", null);
      },
      { userId: actorUserId ?? "system", agencyId: null },
    );
    this.remember(conferenceId, actionId, values);
  }
}
