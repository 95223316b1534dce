import { dismissalKey, dismissFinding, readDismissals } from "@runder-tisch/conference-doc";
import { findPii } from "@runder-tisch/pii-guard";
import type * as Y from "yjs";
import type { TextGuard } from "../../components/add-text-form.tsx";

/**
 * The check a goal, decision or agenda item passes before it enters the shared document:
 * the guard the notes use, minus what someone in the room already dismissed; a finding
 * published with a reason is dismissed in the document, for everyone and for finalising.
 */
export function roomTextGuard(doc: Y.Doc, by: string): TextGuard {
  return {
    check(text) {
      const dismissed = new Set(readDismissals(doc).map(dismissalKey));
      return findPii(text)
        .map((finding) => ({ kind: finding.kind, text: finding.text }))
        .filter((finding) => !dismissed.has(dismissalKey(finding)));
    },
    dismiss(findings, reason) {
      doc.transact(() => {
        for (const finding of findings) dismissFinding(doc, { ...finding, reason, by });
      });
    },
  };
}
