import type { TextItem } from "@runder-tisch/conference-doc";
import { useId } from "react";
import type * as Y from "yjs";
import { AddTextForm } from "../../components/add-text-form.tsx";
import { EditableEntry } from "./editable-entry.tsx";
import { roomTextGuard } from "./room-text-guard.ts";
import { useDocValue } from "./use-conference-connection.ts";

const MAX_TEXT = 1000;

interface ListOperations {
  read(doc: Y.Doc): TextItem[];
  add(doc: Y.Doc, text: string): void;
  change(doc: Y.Doc, id: string, text: string, by: string): boolean;
  withdraw(doc: Y.Doc, id: string): boolean;
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
  const headingId = useId();
  const items = useDocValue(doc, operations.read, []);
  return (
    <section aria-labelledby={headingId} className="room-panel">
      <h2 id={headingId}>{title}</h2>
      {items.length === 0 ? <p className="empty">{emptyText}</p> : null}
      <ul className="text-list">
        {items.map((item) => (
          <EditableEntry
            key={item.id}
            text={item.text}
            changedBy={item.changedBy}
            editable={editable}
            maxLength={MAX_TEXT}
            onChange={(text) => operations.change(doc, item.id, text, by)}
            onWithdraw={() => operations.withdraw(doc, item.id)}
            guard={roomTextGuard(doc, by)}
          />
        ))}
      </ul>
      {editable ? (
        <AddTextForm
          label={addLabel}
          maxLength={MAX_TEXT}
          guard={roomTextGuard(doc, by)}
          onAdd={(text) => operations.add(doc, text)}
        />
      ) : null}
    </section>
  );
}
