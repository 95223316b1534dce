import { type FormEvent, type ReactNode, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { type TextGuard, useTextGuard } from "../../components/use-text-guard.tsx";

const MAX_TEXT = 1000;

/**
 * One short text of the conference (goal, decision, agenda item): shown with who changed
 * it last, and while the conference runs a way to correct or withdraw it. `display`
 * replaces the plain text (the agenda shows a checkbox); `extra` adds buttons and what
 * they open.
 */
export function EditableEntry({
  text,
  changedBy,
  editable,
  maxLength = MAX_TEXT,
  onChange,
  onWithdraw,
  display,
  extraButtons,
  children,
  className,
  guard,
}: {
  text: string;
  changedBy: string | null;
  editable: boolean;
  maxLength?: number;
  onChange(text: string): void;
  onWithdraw(): void;
  display?: ReactNode;
  extraButtons?: ReactNode;
  children?: ReactNode;
  className?: string | undefined;
  /** The personal-data check a corrected text passes, as a new one does. */
  guard?: TextGuard;
}) {
  const { t } = useTranslation();
  const inputId = useId();
  const [mode, setMode] = useState<"show" | "edit" | "withdraw">("show");
  const [draft, setDraft] = useState(text);
  const personalData = useTextGuard(guard);
  const save = (event: FormEvent) => {
    event.preventDefault();
    const value = draft.trim().slice(0, maxLength);
    if (value && value !== text) {
      if (!personalData.mayWrite(value)) return;
      onChange(value);
    }
    personalData.reset();
    setMode("show");
  };
  if (mode === "edit") {
    return (
      <li>
        <form onSubmit={save} className="inline-form">
          <label htmlFor={inputId} className="visually-hidden">
            {t("room.changeText", { text })}
          </label>
          <div className="inline-row">
            <input id={inputId} value={draft} onChange={(event) => setDraft(event.target.value)} />
            <button type="submit" className="button">
              {t("room.saveText")}
            </button>
            <button type="button" className="button-quiet" onClick={() => setMode("show")}>
              {t("common.cancel")}
            </button>
          </div>
          {personalData.panel(draft, setDraft)}
        </form>
      </li>
    );
  }
  return (
    <li className={className}>
      {display ?? <span>{text}</span>}
      {changedBy ? (
        <span className="muted"> ({t("room.changedBy", { name: changedBy })})</span>
      ) : null}
      {editable && mode === "show" ? (
        <span className="item-buttons">
          <button
            type="button"
            className="button-quiet"
            aria-label={t("room.changeText", { text })}
            onClick={() => {
              setDraft(text);
              setMode("edit");
            }}
          >
            {t("room.change")}
          </button>
          <button
            type="button"
            className="button-quiet"
            aria-label={t("room.withdrawText", { text })}
            onClick={() => setMode("withdraw")}
          >
            {t("room.withdraw")}
          </button>
          {extraButtons}
        </span>
      ) : null}
      {mode === "withdraw" ? (
        <span className="confirm-inline">
          {t("room.withdrawQuestion")}{" "}
          <button type="button" className="button-danger" onClick={onWithdraw}>
            {t("room.withdrawYes")}
          </button>{" "}
          <button type="button" className="button-quiet" onClick={() => setMode("show")}>
            {t("common.cancel")}
          </button>
        </span>
      ) : null}
      {children}
    </li>
  );
}
