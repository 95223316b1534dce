import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { type TextGuard, useTextGuard } from "./use-text-guard.tsx";

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
  const personalData = useTextGuard(guard);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = text.trim().slice(0, maxLength);
    if (!value || disabled || !personalData.mayWrite(value)) return;
    onAdd(value);
    setText("");
    personalData.reset();
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
      {personalData.panel(text, setText)}
    </form>
  );
}
