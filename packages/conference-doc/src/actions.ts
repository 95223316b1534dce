import { cleanText } from "@runder-tisch/contracts/input-rules";
import {
  ACTION_STATUSES,
  type ActionStatus,
  ERROR_REASONS,
  type ErrorReason,
  TEXT_LIMITS,
} from "@runder-tisch/contracts/vocabulary";
import * as Y from "yjs";
import { createEntryId, createEntryMap, getActions } from "./schema.ts";
import { isIsoDate, isNonEmptyString, isOptionalString } from "./validate.ts";

export type { ActionStatus };

const ID_MAX = 100;

export interface ActionEntry {
  id: string;
  title: string;
  description: string;
  responsibleAgencyId: string;
  responsiblePersonId: string | null;
  /** YYYY-MM-DD; null while the conference has not agreed on a date yet. */
  dueDate: string | null;
  status: ActionStatus;
  /**
   * Set by the server only, when the entry could not be projected into the
   * actions table (e.g. the agency is not part of the case): the error reason of
   * the API contracts, which clients translate. Clients never write it; the
   * server clears it once the projection succeeds.
   */
  projectionError: ErrorReason | null;
}

export type ActionInput = Omit<ActionEntry, "id" | "projectionError" | "description" | "status"> & {
  description?: string;
  status?: ActionStatus;
};

export type ReadActionResult =
  | { ok: true; action: ActionEntry }
  | { ok: false; id: string; errors: string[] };

function isActionStatus(value: unknown): value is ActionStatus {
  return typeof value === "string" && (ACTION_STATUSES as readonly string[]).includes(value);
}

/** Adds an action and returns its id. Runs in one transaction so peers never see half an entry. */
export function createAction(doc: Y.Doc, input: ActionInput, id: string = createEntryId()): string {
  doc.transact(() => {
    getActions(doc).set(
      id,
      createEntryMap({
        title: input.title,
        description: input.description ?? "",
        responsibleAgencyId: input.responsibleAgencyId,
        responsiblePersonId: input.responsiblePersonId,
        dueDate: input.dueDate,
        status: input.status ?? "open",
        projectionError: null,
      }),
    );
  });
  return id;
}

/** Changes only the given fields; returns false if there is no such action. */
export function updateAction(doc: Y.Doc, id: string, patch: Partial<ActionInput>): boolean {
  const entry = getActions(doc).get(id);
  if (entry === undefined) return false;
  doc.transact(() => {
    for (const [key, value] of Object.entries(patch)) {
      if (value !== undefined) entry.set(key, value);
    }
  });
  return true;
}

export function deleteAction(doc: Y.Doc, id: string): boolean {
  const actions = getActions(doc);
  if (!actions.has(id)) return false;
  actions.delete(id);
  return true;
}

/** Server-side marker; pass null to clear it. Does nothing if the action is gone. */
export function setProjectionError(doc: Y.Doc, id: string, reason: ErrorReason | null): void {
  const entry = getActions(doc).get(id);
  if (entry !== undefined && entry.get("projectionError") !== reason)
    entry.set("projectionError", reason);
}

/** A marker written by an older server (a sentence) reads as the generic reason. */
const asReason = (value: string): ErrorReason =>
  (ERROR_REASONS as readonly string[]).includes(value) ? (value as ErrorReason) : "invalid";

/**
 * Reads and validates one action entry. Never throws: the document is written
 * by many clients (and possibly old versions), so any shape can occur.
 */
export function readAction(id: string, entry: unknown): ReadActionResult {
  if (!(entry instanceof Y.Map)) return { ok: false, id, errors: ["entry is not a map"] };
  const errors: string[] = [];
  // Texts are cleaned as they leave the document (see input-rules): a pasted control
  // character must not keep an agreed action out of the table.
  const title = cleanIfText(entry.get("title"));
  const description = cleanIfText(entry.get("description") ?? "");
  const responsibleAgencyId = entry.get("responsibleAgencyId");
  const responsiblePersonId = entry.get("responsiblePersonId") ?? null;
  const dueDate = entry.get("dueDate") ?? null;
  const status = entry.get("status");
  const projectionError = entry.get("projectionError") ?? null;

  if (!isNonEmptyString(id, ID_MAX)) errors.push("id: must be a non-empty string");
  if (!isNonEmptyString(title, TEXT_LIMITS.actionTitle))
    errors.push(
      `title: must be a non-empty string of at most ${TEXT_LIMITS.actionTitle} characters`,
    );
  if (!isOptionalString(description, TEXT_LIMITS.longText))
    errors.push(`description: must be a string of at most ${TEXT_LIMITS.longText} characters`);
  if (!isNonEmptyString(responsibleAgencyId, ID_MAX)) errors.push("responsibleAgencyId: required");
  if (responsiblePersonId !== null && !isNonEmptyString(responsiblePersonId, ID_MAX))
    errors.push("responsiblePersonId: must be an id or null");
  if (dueDate !== null && !isIsoDate(dueDate)) errors.push("dueDate: must be YYYY-MM-DD or null");
  if (!isActionStatus(status)) errors.push(`status: must be one of ${ACTION_STATUSES.join(", ")}`);
  if (projectionError !== null && typeof projectionError !== "string")
    errors.push("projectionError: must be a string or null");

  if (errors.length > 0) return { ok: false, id, errors };
  return {
    ok: true,
    action: {
      id,
      title: title as string,
      description: description as string,
      responsibleAgencyId: responsibleAgencyId as string,
      responsiblePersonId: responsiblePersonId as string | null,
      dueDate: dueDate as string | null,
      status: status as ActionStatus,
      projectionError: projectionError === null ? null : asReason(projectionError as string),
    },
  };
}

function cleanIfText(value: unknown): unknown {
  return typeof value === "string" ? cleanText(value) : value;
}

/** All entries, valid or not, sorted by id so projections are deterministic. */
export function readActions(doc: Y.Doc): ReadActionResult[] {
  return [...getActions(doc).entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, entry]) => readAction(id, entry));
}
