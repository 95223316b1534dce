import type { TErrorReason } from "@runder-tisch/contracts";
import { type ReactNode, useId } from "react";
import { useTranslation } from "react-i18next";
import type { FieldError } from "./form-errors.ts";

/** A labelled control with its hint and error, wired for screen readers. */
export function Field({
  label,
  error,
  messages,
  hint,
  children,
}: {
  label: string;
  error?: FieldError | undefined;
  /** Sentences of this field that say more than the general one for a reason. */
  messages?: Partial<Record<TErrorReason, string>>;
  hint?: string;
  children: (props: {
    id: string;
    "aria-invalid": boolean;
    "aria-describedby": string | undefined;
  }) => ReactNode;
}) {
  const { t } = useTranslation();
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={error ? "field field-invalid" : "field"}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <span className="field-hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      {children({ id, "aria-invalid": Boolean(error), "aria-describedby": describedBy })}
      {error ? (
        <span className="field-error" id={errorId}>
          {messages?.[error.reason] ?? t(`reasons.${error.reason}`, { limit: error.limit })}
        </span>
      ) : null}
    </div>
  );
}
