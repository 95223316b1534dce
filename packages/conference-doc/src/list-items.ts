import { cleanText } from "@runder-tisch/contracts/input-rules";
import type * as Y from "yjs";
import {
  createEntryId,
  createEntryMap,
  type EntryMap,
  type EntryValue,
  getAgenda,
  getDecisions,
  getGoals,
} from "./schema.ts";

/** Agenda item; `kind` is one of CONFERENCE_AGENDA_TEMPLATE in contracts, or null for a free item. */
export interface AgendaItem {
  id: string;
  kind: string | null;
  title: string;
  done: boolean;
}

/** Goals and decisions are short texts in conference order. */
export interface TextItem {
  id: string;
  text: string;
  /** Who changed the text last ("Name (Stelle)"), shown beside it; null while unchanged. */
  changedBy: string | null;
}

/** Any client can write any text into the document; what leaves it is clean (see input-rules). */
function readString(map: EntryMap, key: string): string | null {
  const value = map.get(key);
  return typeof value === "string" ? cleanText(value) : null;
}

function push(list: Y.Array<EntryMap>, fields: Record<string, EntryValue>): void {
  list.push([createEntryMap(fields)]);
}

export function addAgendaItem(
  doc: Y.Doc,
  item: { kind?: string | null; title: string },
  id: string = createEntryId(),
): string {
  push(getAgenda(doc), { id, kind: item.kind ?? null, title: item.title, done: false });
  return id;
}

export function addGoal(doc: Y.Doc, text: string, id: string = createEntryId()): string {
  push(getGoals(doc), { id, text });
  return id;
}

export function addDecision(doc: Y.Doc, text: string, id: string = createEntryId()): string {
  push(getDecisions(doc), { id, text });
  return id;
}

/** Entries without an id or title are skipped: readers must tolerate any shape. */
export function readAgenda(doc: Y.Doc): AgendaItem[] {
  return getAgenda(doc)
    .toArray()
    .flatMap((map) => {
      const id = readString(map, "id");
      const title = readString(map, "title");
      if (id === null || title === null) return [];
      return [{ id, title, kind: readString(map, "kind"), done: map.get("done") === true }];
    });
}

function readTextItems(list: Y.Array<EntryMap>): TextItem[] {
  return list.toArray().flatMap((map) => {
    const id = readString(map, "id");
    const text = readString(map, "text");
    return id === null || text === null
      ? []
      : [{ id, text, changedBy: readString(map, "changedBy") }];
  });
}

function indexOfEntry(list: Y.Array<EntryMap>, id: string): number {
  return list.toArray().findIndex((map) => map.get("id") === id);
}

/**
 * Corrects a goal or decision and names who did it; false when it is gone (withdrawn
 * by someone else meanwhile). The document's update log keeps the full attribution.
 */
function changeTextItem(list: Y.Array<EntryMap>, id: string, text: string, by: string): boolean {
  const entry = list.get(indexOfEntry(list, id));
  if (entry === undefined) return false;
  entry.doc?.transact(() => {
    entry.set("text", text);
    entry.set("changedBy", by);
  });
  return true;
}

/** Takes a goal or decision back before finalising; it does not go into the minutes. */
function withdrawTextItem(list: Y.Array<EntryMap>, id: string): boolean {
  const index = indexOfEntry(list, id);
  if (index < 0) return false;
  list.delete(index, 1);
  return true;
}

export const changeGoal = (doc: Y.Doc, id: string, text: string, by: string) =>
  changeTextItem(getGoals(doc), id, text, by);
export const withdrawGoal = (doc: Y.Doc, id: string) => withdrawTextItem(getGoals(doc), id);
export const changeDecision = (doc: Y.Doc, id: string, text: string, by: string) =>
  changeTextItem(getDecisions(doc), id, text, by);
export const withdrawDecision = (doc: Y.Doc, id: string) => withdrawTextItem(getDecisions(doc), id);

export function readGoals(doc: Y.Doc): TextItem[] {
  return readTextItems(getGoals(doc));
}

export function readDecisions(doc: Y.Doc): TextItem[] {
  return readTextItems(getDecisions(doc));
}
