import type { TextItem } from "@runder-tisch/conference-doc";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type * as Y from "yjs";
import { useDocValue } from "./use-conference-connection.ts";

const MAX_TEXT = 1000;

interface ListOperations {
  read(doc: Y.Doc): TextItem[];
  add(doc: Y.Doc, text: string): void;
  change(doc: Y.Doc, id: string, text: string, by: string): boolean;
  withdraw(doc: Y.Doc, id: string): boolean;
}

/** One goal or decision: its text, and while the conference runs a way to correct or withdraw it. */
function TextListItem({
  item,
  doc,
  editable,
  by,
  operations,
}: {
  item: TextItem;
  doc: Y.Doc;
  editable: boolean;
  by: string;
  operations: ListOperations;
}) {
  const { t } = useTranslation();
  const inputId = useId();
  const [mode, setMode] = useState<"show" | "edit" | "withdraw">("show");
  const [draft, setDraft] = useState(item.text);
  const save = (event: FormEvent) => {
    event.preventDefault();
    const value = draft.trim().slice(0, MAX_TEXT);
    if (value && value !== item.text) operations.change(doc, item.id, value, by);
    setMode("show");
  };
  if (mode === "edit") {
    return (
      <li>
        <form onSubmit={save} className="inline-form">
          <label htmlFor={inputId} className="visually-hidden">
            {t("room.changeText", { text: item.text })}
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
        </form>
      </li>
    );
  }
  return (
    <li>
      <span>{item.text}</span>
      {item.changedBy ? (
        <span className="muted"> ({t("room.changedBy", { name: item.changedBy })})</span>
      ) : null}
      {editable && mode === "show" ? (
        <span className="item-buttons">
          <button
            type="button"
            className="button-quiet"
            aria-label={t("room.changeText", { text: item.text })}
            onClick={() => {
              setDraft(item.text);
              setMode("edit");
            }}
          >
            {t("room.change")}
          </button>
          <button
            type="button"
            className="button-quiet"
            aria-label={t("room.withdrawText", { text: item.text })}
            onClick={() => setMode("withdraw")}
          >
            {t("room.withdraw")}
          </button>
        </span>
      ) : null}
      {mode === "withdraw" ? (
        <span className="confirm-inline">
          {t("room.withdrawQuestion")}{" "}
          <button
            type="button"
            className="button-danger"
            onClick={() => operations.withdraw(doc, item.id)}
          >
            {t("room.withdrawYes")}
          </button>{" "}
          <button type="button" className="button-quiet" onClick={() => setMode("show")}>
            {t("common.cancel")}
          </button>
        </span>
      ) : null}
    </li>
  );
}

/** Goals or decisions: short texts everyone can add, correct and withdraw while the conference runs. */
export function TextListPanel({
  doc,
  editable,
  title,
  addLabel,
  emptyText,
  by,
  operations,
}: {
  doc: Y.Doc;
  editable: boolean;
  title: string;
  addLabel: string;
  emptyText: string;
  /** Who is writing, as shown beside a corrected text: "Name (Stelle)". */
  by: string;
  operations: ListOperations;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const inputId = useId();
  const items = useDocValue(doc, operations.read, []);
  const [text, setText] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = text.trim();
    if (!value) return;
    operations.add(doc, value.slice(0, MAX_TEXT));
    setText("");
  };
  return (
    <section aria-labelledby={headingId} className="room-panel">
      <h2 id={headingId}>{title}</h2>
      {items.length === 0 ? <p className="empty">{emptyText}</p> : null}
      <ul className="text-list">
        {items.map((item) => (
          <TextListItem
            key={item.id}
            item={item}
            doc={doc}
            editable={editable}
            by={by}
            operations={operations}
          />
        ))}
      </ul>
      {editable ? (
        <form onSubmit={submit} className="inline-form">
          <label htmlFor={inputId}>{addLabel}</label>
          <div className="inline-row">
            <input id={inputId} value={text} onChange={(event) => setText(event.target.value)} />
            <button type="submit" className="button">
              {t("room.add")}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
