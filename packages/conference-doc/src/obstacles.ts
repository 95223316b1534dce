import { cleanText } from "@runder-tisch/contracts/input-rules";
import { isThemeKey, type ThemeKey } from "@runder-tisch/contracts/vocabulary";
import type * as Y from "yjs";
import { createEntryId, createEntryMap, type EntryMap, getObstacles } from "./schema.ts";

/**
 * Something in the system that stood in the case's way (a waiting time, a missing
 * service), written without names so it can be counted across cases.
 */
export interface Obstacle {
  id: string;
  theme: ThemeKey;
  description: string;
  /** What would remove it for everyone; null when nobody proposed anything. */
  proposedFix: string | null;
  /** Who changed it last ("Name (Stelle)"), shown beside it; null while unchanged. */
  changedBy: string | null;
}

export interface ObstacleInput {
  theme: ThemeKey;
  description: string;
  proposedFix?: string | null;
}

/** Any client can write anything into the document; what leaves it is clean (see input-rules). */
function readString(map: EntryMap, key: string): string | null {
  const value = map.get(key);
  return typeof value === "string" ? cleanText(value) : null;
}

/** An empty proposal is no proposal. */
function fixOrNull(fix: string | null | undefined): string | null {
  return fix && fix.trim() !== "" ? fix : null;
}

export function addObstacle(
  doc: Y.Doc,
  input: ObstacleInput,
  id: string = createEntryId(),
): string {
  getObstacles(doc).push([
    createEntryMap({
      id,
      theme: input.theme,
      description: input.description,
      proposedFix: fixOrNull(input.proposedFix),
    }),
  ]);
  return id;
}

function indexOfObstacle(list: Y.Array<EntryMap>, id: string): number {
  return list.toArray().findIndex((map) => map.get("id") === id);
}

/** Corrects an obstacle and names who did it; false when it is gone (withdrawn meanwhile). */
export function changeObstacle(doc: Y.Doc, id: string, input: ObstacleInput, by: string): boolean {
  const list = getObstacles(doc);
  const entry = list.get(indexOfObstacle(list, id));
  if (entry === undefined) return false;
  doc.transact(() => {
    entry.set("theme", input.theme);
    entry.set("description", input.description);
    entry.set("proposedFix", fixOrNull(input.proposedFix));
    entry.set("changedBy", by);
  });
  return true;
}

/** Takes an obstacle back before finalising; it goes neither into the minutes nor into the counts. */
export function withdrawObstacle(doc: Y.Doc, id: string): boolean {
  const list = getObstacles(doc);
  const index = indexOfObstacle(list, id);
  if (index < 0) return false;
  list.delete(index, 1);
  return true;
}

/**
 * Entries without an id, a theme key of the right form or a description are skipped:
 * readers tolerate any shape. Whether the Kreis offers the theme is not the document's
 * business: a theme switched off meanwhile is kept and counted under its key.
 */
export function readObstacles(doc: Y.Doc): Obstacle[] {
  return getObstacles(doc)
    .toArray()
    .flatMap((map) => {
      const id = readString(map, "id");
      const theme = map.get("theme");
      const description = readString(map, "description");
      if (id === null || !isThemeKey(theme) || description === null || description.trim() === "") {
        return [];
      }
      return [
        {
          id,
          theme,
          description,
          proposedFix: fixOrNull(readString(map, "proposedFix")),
          changedBy: readString(map, "changedBy"),
        },
      ];
    });
}
