import {
  type ActionEntry,
  createEntryMap,
  getActions,
  readActions,
  setProjectionError,
  touchedActionFields,
  WHOLE_ENTRY,
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
import { isUuid } from "../lib/uuid.ts";
import { isConferenceDocument } from "./document-names.ts";
import type { LiveUnit } from "./live-unit.ts";

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

interface Outcome {
  /** Marked on the entry; null clears an earlier mark. */
  reason: TErrorReason | null;
  /** Fields to set back to the table's values because their change was refused. */
  undo: Partial<ProjectedValues>;
}

/** The server reads and marks entries as itself, never as one of the people editing. */
const PROJECTION_ACTOR = { userId: "system", agencyId: null };

/** The projected fields each writer changed; a whole new entry counts as all of them. */
function fieldsByWriter(writers: Map<string, Writer>): Map<Writer, ProjectedField[]> {
  const byWriter = new Map<string, { writer: Writer; fields: Set<ProjectedField> }>();
  for (const [field, writer] of writers) {
    const key = `${writer.userId}|${writer.agencyId}`;
    const group = byWriter.get(key) ?? { writer, fields: new Set<ProjectedField>() };
    const fields =
      field === WHOLE_ENTRY
        ? PROJECTED_FIELDS
        : (PROJECTED_FIELDS as readonly string[]).includes(field)
          ? [field as ProjectedField]
          : [];
    for (const projected of fields) group.fields.add(projected);
    byWriter.set(key, group);
  }
  return new Map([...byWriter.values()].map(({ writer, fields }) => [writer, [...fields]]));
}

interface Writer {
  userId: string;
  agencyId: string;
}

/** For each entry waiting to be projected, who last wrote each of its fields. */
type PendingFields = Map<string, Map<string, Writer>>;

/**
 * Action items are one thing in two views: entries of the conference document's
 * actions map and rows of the actions table. Document edits are written to the
 * table through the same business functions as the REST API, each field under the
 * rights of the person whose connection wrote it (so the same rules apply, and
 * nobody's edit is ever carried by someone else's rights); table changes are
 * written back into the document. An edit the rules refuse is undone in the
 * document and the entry is marked with `projectionError`.
 */
export class ActionProjection implements LiveUnit {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly pending = new Map<string, PendingFields>();
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
    // Only a conference's actions belong to a case; other documents have none to project.
    if (!isConferenceDocument(event.documentName)) return;
    const touched = touchedActionFields(event.doc, event.update);
    if (touched.size === 0) return;
    const actor = event.actor;
    // Changes relayed from another node are projected there; the server's own writes need none.
    const writer =
      actor?.agencyId && isUuid(actor.userId)
        ? { userId: actor.userId, agencyId: actor.agencyId }
        : null;
    const pending = this.pending.get(event.documentName) ?? new Map<string, Map<string, Writer>>();
    for (const [entryId, fields] of touched) {
      const writers = pending.get(entryId) ?? new Map<string, Writer>();
      for (const field of fields) {
        if (writer) writers.set(field, writer);
        else writers.delete(field);
      }
      if (writers.size > 0) pending.set(entryId, writers);
      else pending.delete(entryId);
    }
    if (pending.size === 0) {
      this.pending.delete(event.documentName);
      return;
    }
    this.pending.set(event.documentName, pending);
    clearTimeout(this.timers.get(event.documentName));
    this.timers.set(
      event.documentName,
      setTimeout(() => this.run(event.documentName), this.deps.debounceMs ?? 100),
    );
  }

  unloaded(documentName: string): void {
    clearTimeout(this.timers.get(documentName));
    this.timers.delete(documentName);
    this.pending.delete(documentName);
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
    const pending = this.pending.get(documentName);
    this.pending.delete(documentName);
    if (!pending || !this.deps.collab.isLoaded(documentName)) return;
    let entries: ReturnType<typeof readActions> = [];
    await this.deps.collab.transact(
      documentName,
      (doc) => {
        entries = readActions(doc);
      },
      PROJECTION_ACTOR,
    );
    const ids = [...pending.keys()].filter((id) => isUuid(id));
    const rows = ids.length
      ? await this.deps.db.select().from(schema.actions).where(inArray(schema.actions.id, ids))
      : [];
    const rowById = new Map(rows.map((row) => [row.id, row]));
    const outcomes = new Map<string, Outcome>();
    for (const [id, writers] of pending) {
      const entry = entries.find(
        (candidate) => (candidate.ok ? candidate.action.id : candidate.id) === id,
      );
      if (!entry) continue;
      if (!entry.ok) {
        outcomes.set(id, { reason: "action_entry_incomplete", undo: {} });
        continue;
      }
      outcomes.set(
        id,
        await this.projectEntry(documentName, entry.action, rowById.get(id), writers),
      );
    }
    await this.deps.collab.transact(
      documentName,
      (doc) => {
        const actions = getActions(doc);
        for (const [id, { reason, undo }] of outcomes) {
          const entry = actions.get(id);
          for (const [field, value] of Object.entries(undo)) entry?.set(field, value);
          setProjectionError(doc, id, reason);
        }
      },
      PROJECTION_ACTOR,
    );
  }

  /**
   * Writes one entry's pending fields into the table, each under its writer's rights.
   * A refused change is undone: its fields go back to what the table holds.
   */
  private async projectEntry(
    conferenceId: string,
    entry: ActionEntry,
    row: ActionRow | undefined,
    writers: Map<string, Writer>,
  ): Promise<Outcome> {
    if (!isUuid(entry.id)) return { reason: "action_id_invalid", undo: {} };
    if (!row) {
      // Whoever wrote the entry creates it, in one go whatever its status: one
      // transaction, one history row, one created event.
      const creator = writers.get(WHOLE_ENTRY) ?? [...writers.values()].at(-1);
      if (!creator) return { reason: null, undo: {} };
      try {
        const result = await createAction(this.deps.db, creator, {
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
        if (result.event) this.deps.events.publish(result.event);
        return { reason: null, undo: {} };
      } catch (error) {
        if (error instanceof AppError) return { reason: error.reason ?? "invalid", undo: {} };
        throw error;
      }
    }
    let current = valuesOfRow(row);
    let reason: TErrorReason | null = null;
    const undo: Partial<ProjectedValues> = {};
    for (const [writer, fields] of fieldsByWriter(writers)) {
      const patch: Partial<ProjectedValues> = {};
      for (const field of fields) {
        if (current[field] !== entry[field]) Object.assign(patch, { [field]: entry[field] });
      }
      if (Object.keys(patch).length === 0) continue;
      try {
        const result = await updateAction(this.deps.db, writer, {
          actionId: entry.id,
          ...patch,
          writtenVia: "document",
        });
        current = valuesOfRow(result.action);
        if (result.event) this.deps.events.publish(result.event);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        reason = error.reason ?? "invalid";
        for (const field of Object.keys(patch) as ProjectedField[]) {
          Object.assign(undo, { [field]: current[field] });
        }
      }
    }
    return { reason, undo };
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
  }
}
