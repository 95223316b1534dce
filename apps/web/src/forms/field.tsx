import type { TErrorReason } from "@runder-tisch/contracts";
import { type ReactNode, useId } from "react";
import { useTranslation } from "react-i18next";
import type { FieldError } from "./form-errors.ts";

type Messages = Partial<Record<TErrorReason, string>>;

/** A field error in words: the field's own sentence for the reason, else the general one. */
export function FieldErrorText({
  error,
  messages,
  id,
}: {
  error: FieldError;
  messages?: Messages | undefined;
  id?: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <span className="field-error" id={id}>
      {messages?.[error.reason] ?? t(`reasons.${error.reason}`, { limit: error.limit })}
    </span>
  );
}

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
  messages?: Messages;
  hint?: string;
  children: (props: {
    id: string;
    "aria-invalid": boolean;
    "aria-describedby": string | undefined;
  }) => ReactNode;
}) {
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
      {error ? <FieldErrorText error={error} messages={messages} id={errorId} /> : null}
    </div>
  );
}
