import { MENTION_ID_ATTRIBUTE, MENTION_NODE } from "@runder-tisch/conference-doc";
import { type Executor, schema } from "@runder-tisch/db";
import { inArray } from "drizzle-orm";
import * as Y from "yjs";
import { isUuid } from "../../lib/uuid.ts";

/**
 * The names of the people mentioned (@) in the notes, as the platform knows them. The
 * label in the node is whatever the writer's browser put there and is never shown in
 * minutes or exports: a name read here is a member of staff, not text about the client.
 */
export async function loadMentionNames(
  db: Executor,
  notes: Y.XmlFragment,
): Promise<Map<string, string>> {
  const ids = new Set<string>();
  for (const node of notes.createTreeWalker(
    (element) => element instanceof Y.XmlElement && element.nodeName === MENTION_NODE,
  )) {
    const id = (node as Y.XmlElement).getAttribute(MENTION_ID_ATTRIBUTE);
    if (typeof id === "string" && isUuid(id)) ids.add(id);
  }
  if (ids.size === 0) return new Map();
  const rows = await db
    .select({ id: schema.users.id, name: schema.users.displayName })
    .from(schema.users)
    .where(inArray(schema.users.id, [...ids]));
  return new Map(rows.map((row) => [row.id, row.name]));
}
