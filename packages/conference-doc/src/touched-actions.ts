import * as Y from "yjs";
import { getActions } from "./schema.ts";

/** The whole entry was written (created or replaced), not only some of its fields. */
export const WHOLE_ENTRY = "*";

/**
 * Which action entries, and which of their fields, an update wrote. Read from the
 * document after the update was applied: an item of a map value carries no parent
 * in the update itself, only in the document it joined. The server uses it to
 * project each change under the rights of the connection that made it.
 */
export function touchedActionFields(doc: Y.Doc, update: Uint8Array): Map<string, Set<string>> {
  const actions = getActions(doc);
  const touched = new Map<string, Set<string>>();
  // Runs for every keystroke in the notes; most documents have no action to look for.
  if (actions.size === 0) return touched;
  const note = (entryId: string, field: string) => {
    const fields = touched.get(entryId) ?? new Set<string>();
    fields.add(field);
    touched.set(entryId, fields);
  };
  for (const struct of Y.decodeUpdate(update).structs) {
    if (!(struct instanceof Y.Item)) continue;
    let item: Y.Item;
    try {
      item = Y.getItem(doc.store, struct.id) as Y.Item;
    } catch {
      // Waiting for a missing dependency: not part of the document yet.
      continue;
    }
    const parent = item.parent;
    if (parent === actions) {
      if (item.parentSub) note(item.parentSub, WHOLE_ENTRY);
      continue;
    }
    const entryItem = parent instanceof Y.AbstractType ? parent._item : null;
    if (entryItem?.parent === actions && entryItem.parentSub && item.parentSub) {
      note(entryItem.parentSub, item.parentSub);
    }
  }
  return touched;
}
