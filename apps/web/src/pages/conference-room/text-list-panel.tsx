import type { TextItem } from "@runder-tisch/conference-doc";
import { type FormEvent, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type * as Y from "yjs";
import { useDocValue } from "./use-conference-connection.ts";

/** Goals or decisions: short texts everyone can add to while the conference runs. */
export function TextListPanel({
  doc,
  editable,
  title,
  addLabel,
  emptyText,
  read,
  add,
}: {
  doc: Y.Doc;
  editable: boolean;
  title: string;
  addLabel: string;
  emptyText: string;
  read(doc: Y.Doc): TextItem[];
  add(doc: Y.Doc, text: string): void;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const inputId = useId();
  const items = useDocValue(doc, read, []);
  const [text, setText] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const value = text.trim();
    if (!value) return;
    add(doc, value.slice(0, 1000));
    setText("");
  };
  return (
    <section aria-labelledby={headingId} className="room-panel">
      <h2 id={headingId}>{title}</h2>
      {items.length === 0 ? <p className="empty">{emptyText}</p> : null}
      <ul className="text-list">
        {items.map((item) => (
          <li key={item.id}>{item.text}</li>
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
