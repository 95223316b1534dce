import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";

/** One labelled line and an "add" button: a goal, a decision, an agenda item. */
export function AddTextForm({
  label,
  maxLength,
  disabled = false,
  onAdd,
}: {
  label: string;
  maxLength: number;
  disabled?: boolean;
  onAdd(text: string): void;
}) {
  const { t } = useTranslation();
  const inputId = useId();
  const [text, setText] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = text.trim();
    if (!value || disabled) return;
    onAdd(value.slice(0, maxLength));
    setText("");
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
    </form>
  );
}
