import { cleanText } from "@runder-tisch/contracts/input-rules";
import type * as Y from "yjs";
import { createEntryMap, DocKey, type EntryMap } from "./schema.ts";

/**
 * A finding of the personal-data guard that someone in the room said is not personal
 * data (a colleague's name, the interpreter's), with why. Stored with the document so
 * nobody else sees the same false alarm, and finalising does not stop at it.
 */
export interface Dismissal {
  kind: string;
  text: string;
  reason: string;
  /** "Name (Stelle)" of who dismissed it. */
  by: string;
  at: string;
}

export const dismissalKey = (finding: { kind: string; text: string }) =>
  `${finding.kind}:${finding.text}`;

function getDismissals(doc: Y.Doc): Y.Map<EntryMap> {
  return doc.getMap<EntryMap>(DocKey.piiDismissals);
}

export function dismissFinding(
  doc: Y.Doc,
  dismissal: Omit<Dismissal, "at">,
  at: string = new Date().toISOString(),
): void {
  getDismissals(doc).set(dismissalKey(dismissal), createEntryMap({ ...dismissal, at }));
}

/** Entries another client wrote in any shape are skipped; what is read is clean text. */
export function readDismissals(doc: Y.Doc): Dismissal[] {
  const dismissals: Dismissal[] = [];
  for (const [key, map] of getDismissals(doc).entries()) {
    const field = (name: string) => {
      const value = map.get(name);
      return typeof value === "string" ? cleanText(value) : null;
    };
    const [kind, text, reason, by, at] = ["kind", "text", "reason", "by", "at"].map(field);
    if (!kind || !text || !reason || !by || !at) continue;
    if (key !== dismissalKey({ kind, text })) continue;
    dismissals.push({ kind, text, reason, by, at });
  }
  return dismissals;
}

/** Runs `listener` whenever someone dismisses a finding; returns how to stop. */
export function observeDismissals(doc: Y.Doc, listener: () => void): () => void {
  const map = getDismissals(doc);
  map.observeDeep(listener);
  return () => map.unobserveDeep(listener);
}
