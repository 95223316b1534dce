import * as Y from "yjs";

/**
 * Top-level shared types of a conference document. Names are part of the stored
 * format: renaming one orphans existing data, so only ever add new ones.
 */
export const DocKey = {
  /**
   * Rich-text minutes, edited with TipTap. We do not use TipTap's default field
   * name "default": configure `Collaboration.configure({ document, field: NOTES_FIELD })`.
   */
  notes: "notes",
  agenda: "agenda",
  goals: "goals",
  decisions: "decisions",
  /** Map keyed by action id (not an array) so the projection can address entries stably. */
  actions: "actions",
  /** Map keyed by "kind:text": findings of the personal-data guard dismissed with a reason. */
  piiDismissals: "piiDismissals",
  /** Obstacles the case ran into (theme, anonymised description, proposed fix), in conference order. */
  obstacles: "obstacles",
} as const;

export const NOTES_FIELD = DocKey.notes;

/** Field values stored in the entry maps: plain JSON-ish values, last writer wins. */
export type EntryValue = string | number | boolean | null;
export type EntryMap = Y.Map<EntryValue>;

export function getNotes(doc: Y.Doc): Y.XmlFragment {
  return doc.getXmlFragment(DocKey.notes);
}

export function getAgenda(doc: Y.Doc): Y.Array<EntryMap> {
  return doc.getArray<EntryMap>(DocKey.agenda);
}

export function getGoals(doc: Y.Doc): Y.Array<EntryMap> {
  return doc.getArray<EntryMap>(DocKey.goals);
}

export function getDecisions(doc: Y.Doc): Y.Array<EntryMap> {
  return doc.getArray<EntryMap>(DocKey.decisions);
}

export function getObstacles(doc: Y.Doc): Y.Array<EntryMap> {
  return doc.getArray<EntryMap>(DocKey.obstacles);
}

export function getActions(doc: Y.Doc): Y.Map<EntryMap> {
  return doc.getMap<EntryMap>(DocKey.actions);
}

/** A fresh entry id; crypto.randomUUID exists in Node 20 and in secure browser contexts. */
export function createEntryId(): string {
  return globalThis.crypto.randomUUID();
}

/** Builds a detached map; Yjs integrates it when it is inserted into the document. */
export function createEntryMap(fields: Record<string, EntryValue>): EntryMap {
  const map = new Y.Map<EntryValue>();
  for (const [key, value] of Object.entries(fields)) map.set(key, value);
  return map;
}
