import type { TTextFinding } from "@runder-tisch/contracts";
import { lazy, Suspense, useState } from "react";

// Shown only when the guard finds something; it brings the replacement offers with it.
const PersonalDataCheck = lazy(() =>
  import("../forms/personal-data-check.tsx").then((module) => ({
    default: module.PersonalDataCheck,
  })),
);

/** A finding as the guard reports it: the kind and the flagged text. */
interface Flagged {
  kind: string;
  text: string;
}

/**
 * What a line other agencies will read passes before it is written: the personal-data
 * check, and where a finding that is not personal data is recorded with its reason.
 */
export interface TextGuard {
  check(text: string): Flagged[];
  dismiss(findings: Flagged[], reason: string): void;
}

/**
 * Holds a one-line text back while the guard finds personal data in it: `mayWrite` says
 * whether it can be written now (clean, or dismissed with the reason given), and `panel`
 * shows the findings with their replacements and the reason field.
 */
export function useTextGuard(guard: TextGuard | undefined) {
  const [held, setHeld] = useState<TTextFinding[]>([]);
  const [reason, setReason] = useState("");
  return {
    mayWrite(text: string): boolean {
      const flagged = guard?.check(text) ?? [];
      if (flagged.length === 0) return true;
      if (!reason.trim()) {
        setHeld(flagged.map((found) => ({ kind: found.kind, where: "text", excerpt: found.text })));
        return false;
      }
      guard?.dismiss(flagged, reason.trim());
      return true;
    },
    reset() {
      setHeld([]);
      setReason("");
    },
    panel(text: string, setText: (text: string) => void) {
      if (held.length === 0) return null;
      return (
        <Suspense fallback={null}>
          <PersonalDataCheck
            personalData={{
              findings: held,
              draft: { text },
              replace: (_field, value) => setText(value),
              reason,
              setReason,
            }}
          />
        </Suspense>
      );
    },
  };
}
