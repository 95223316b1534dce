import { dismissalKey, dismissFinding, readDismissals } from "@runder-tisch/conference-doc";
import { findPii } from "@runder-tisch/pii-guard";
import type * as Y from "yjs";
import { ApiError } from "../../api/client.ts";
import type { TextGuard } from "../../components/use-text-guard.tsx";

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

/**
 * For forms that write into the document (a new action, a corrected one): a finding
 * stops the write with the same refusal the server gives for texts it stores, so the
 * form shows the findings and their replacements; sent again with a reason, the findings
 * are dismissed in the document and the write goes ahead.
 */
export function guardRoomFields(
  guard: TextGuard,
  fields: Record<string, string | undefined>,
  notPersonalDataReason: string | undefined,
): void {
  const flagged = Object.entries(fields).flatMap(([where, text]) =>
    text ? guard.check(text).map((finding) => ({ ...finding, where })) : [],
  );
  if (flagged.length === 0) return;
  if (notPersonalDataReason) {
    guard.dismiss(flagged, notPersonalDataReason);
    return;
  }
  throw new ApiError(422, "validation_failed", "personal data found", "personal_data_found", {
    findings: flagged.map(({ kind, text, where }) => ({ kind, where, excerpt: text })),
  });
}
