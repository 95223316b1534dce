import type { TTextFinding } from "@runder-tisch/contracts";
import { type FormEvent, lazy, Suspense, useId, useState } from "react";
import { useTranslation } from "react-i18next";

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
 * What a line other agencies will read passes before it is added: the personal-data
 * check, and where a finding that is not personal data is recorded with its reason.
 */
export interface TextGuard {
  check(text: string): Flagged[];
  dismiss(findings: Flagged[], reason: string): void;
}

/** One labelled line and an "add" button: a goal, a decision, an agenda item. */
export function AddTextForm({
  label,
  maxLength,
  disabled = false,
  guard,
  onAdd,
}: {
  label: string;
  maxLength: number;
  disabled?: boolean;
  guard?: TextGuard;
  onAdd(text: string): void;
}) {
  const { t } = useTranslation();
  const inputId = useId();
  const [text, setText] = useState("");
  const [held, setHeld] = useState<TTextFinding[]>([]);
  const [reason, setReason] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = text.trim().slice(0, maxLength);
    if (!value || disabled) return;
    const flagged = guard?.check(value) ?? [];
    if (flagged.length > 0 && !reason.trim()) {
      setHeld(flagged.map((found) => ({ kind: found.kind, where: "text", excerpt: found.text })));
      return;
    }
    if (flagged.length > 0) guard?.dismiss(flagged, reason.trim());
    onAdd(value);
    setText("");
    setHeld([]);
    setReason("");
  };
  return (
    <form onSubmit={submit} className="inline-form">
      <label htmlFor={inputId}>{label}</label>
      <div className="inline-row">
        <input
          id={inputId}
          value={text}
          maxLength={maxLength}
          onChange={(event) => setText(event.target.value)}
        />
        <button type="submit" className="button" disabled={disabled}>
          {t("room.add")}
        </button>
      </div>
      {held.length > 0 ? (
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
      ) : null}
    </form>
  );
}
