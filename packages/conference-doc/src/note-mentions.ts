import * as Y from "yjs";
import { getNotes } from "./schema.ts";

/**
 * The inline node the notes editor inserts for an @mention: a ProseMirror atom stored
 * as a Y.XmlElement of this name, with the person's id and the name shown.
 */
export const MENTION_NODE = "mention";
export const MENTION_ID_ATTRIBUTE = "id";
export const MENTION_LABEL_ATTRIBUTE = "label";

export interface NoteMention {
  userId: string;
  /** The node's own id in the document: a mention written once is announced once. */
  key: string;
}

// The node name travels as a length-prefixed string wherever an update creates such a node.
const MENTION_BYTES = new Uint8Array([
  MENTION_NODE.length,
  ...new TextEncoder().encode(MENTION_NODE),
]);

function mayCreateMention(update: Uint8Array): boolean {
  const last = update.length - MENTION_BYTES.length;
  outer: for (let start = 0; start <= last; start++) {
    for (let offset = 0; offset < MENTION_BYTES.length; offset++) {
      if (update[start + offset] !== MENTION_BYTES[offset]) continue outer;
    }
    return true;
  }
  return false;
}

// biome-ignore lint/suspicious/noExplicitAny: any kind of shared type may hold the notes.
type SharedType = Y.AbstractType<any>;

function isInside(type: SharedType, root: Y.XmlFragment): boolean {
  let current: SharedType | null = type;
  while (current !== null) {
    if (current === root) return true;
    const parent: unknown = current._item?.parent ?? null;
    current = parent instanceof Y.AbstractType ? parent : null;
  }
  return false;
}

/**
 * The mentions an update added to the notes, read from the document after it was
 * applied (the update alone does not say where its items landed). Runs for every
 * keystroke, so an update that cannot contain a mention node is not decoded at all.
 */
export function insertedNoteMentions(doc: Y.Doc, update: Uint8Array): NoteMention[] {
  if (!mayCreateMention(update)) return [];
  const notes = getNotes(doc);
  const mentions: NoteMention[] = [];
  for (const struct of Y.decodeUpdate(update).structs) {
    if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentType)) continue;
    let item: Y.Item;
    try {
      item = Y.getItem(doc.store, struct.id) as Y.Item;
    } catch {
      // Waiting for a missing dependency: not part of the document yet.
      continue;
    }
    const type = (item.content as Y.ContentType).type;
    if (item.deleted || !(type instanceof Y.XmlElement) || type.nodeName !== MENTION_NODE) continue;
    if (!isInside(type, notes)) continue;
    const userId = type.getAttribute(MENTION_ID_ATTRIBUTE);
    if (typeof userId !== "string" || userId.length === 0) continue;
    mentions.push({ userId, key: `${item.id.client}:${item.id.clock}` });
  }
  return mentions;
}
