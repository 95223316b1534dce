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
import { isIsoDate } from "./validate.ts";

/** Agenda item; `kind` is one of CONFERENCE_AGENDA_TEMPLATE in contracts, or null for a free item. */
export interface AgendaItem {
  id: string;
  kind: string | null;
  title: string;
  done: boolean;
  /** Who reworded it last ("Name (Stelle)"); null while it reads as planned. */
  changedBy: string | null;
  /** When it was moved on, the day (YYYY-MM-DD) of the conference it went to; null otherwise. */
  carriedTo: string | null;
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

/**
 * Entries without an id or title are skipped: readers must tolerate any shape. Withdrawn
 * items stay in the document (so seeding does not bring them back) but are not read.
 */
export function readAgenda(doc: Y.Doc): AgendaItem[] {
  const seen = new Set<string>();
  return getAgenda(doc)
    .toArray()
    .flatMap((map) => {
      const id = readString(map, "id");
      const title = readString(map, "title");
      // Two editors may seed the same planned item at the same moment: the first one counts.
      if (id === null || title === null || seen.has(id)) return [];
      seen.add(id);
      if (map.get("withdrawn") === true) return [];
      return [
        {
          id,
          title,
          kind: readString(map, "kind"),
          done: map.get("done") === true,
          changedBy: readString(map, "changedBy"),
          carriedTo: isIsoDate(map.get("carriedTo")) ? (map.get("carriedTo") as string) : null,
        },
      ];
    });
}

/** A planned agenda item as the conference's record has it (contracts' TAgendaItem). */
export interface PlannedAgendaItem {
  id: string;
  kind: string | null;
  title: string | null;
}

/**
 * Takes the planned agenda into the document: every planned item not in it yet, in
 * planned order, titled by `titleOf` (standard items in the editor's language). Items
 * carried over from an earlier conference after the room was first opened arrive this way.
 */
export function seedPlannedAgenda(
  doc: Y.Doc,
  planned: readonly PlannedAgendaItem[],
  titleOf: (item: PlannedAgendaItem) => string,
): number {
  const present = new Set(getAgenda(doc).map((map) => map.get("id")));
  const missing = planned.filter((item) => !present.has(item.id));
  if (missing.length === 0) return 0;
  doc.transact(() => {
    for (const item of missing)
      addAgendaItem(doc, { kind: item.kind, title: titleOf(item) }, item.id);
  });
  return missing.length;
}

function findAgendaEntry(doc: Y.Doc, id: string): EntryMap | undefined {
  return getAgenda(doc)
    .toArray()
    .find((map) => map.get("id") === id && map.get("withdrawn") !== true);
}

/** Rewords an agenda item and names who did it; false when it is gone. */
export function changeAgendaItem(doc: Y.Doc, id: string, title: string, by: string): boolean {
  const entry = findAgendaEntry(doc, id);
  if (!entry) return false;
  doc.transact(() => {
    entry.set("title", title);
    entry.set("changedBy", by);
  });
  return true;
}

export function setAgendaItemDone(doc: Y.Doc, id: string, done: boolean): boolean {
  const entry = findAgendaEntry(doc, id);
  entry?.set("done", done);
  return entry !== undefined;
}

/** Takes an item off the agenda before finalising; it does not go into the minutes. */
export function withdrawAgendaItem(doc: Y.Doc, id: string): boolean {
  const entry = findAgendaEntry(doc, id);
  entry?.set("withdrawn", true);
  return entry !== undefined;
}

/** Marks an item as moved on to the conference on `day` (YYYY-MM-DD); the minutes say so. */
export function markAgendaItemCarried(doc: Y.Doc, id: string, day: string): boolean {
  const entry = findAgendaEntry(doc, id);
  entry?.set("carriedTo", day);
  return entry !== undefined;
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
