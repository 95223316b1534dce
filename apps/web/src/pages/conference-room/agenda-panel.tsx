import { addAgendaItem, getAgenda, readAgenda } from "@runder-tisch/conference-doc";
import { CONFERENCE_AGENDA_TEMPLATE, type TConference } from "@runder-tisch/contracts";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type * as Y from "yjs";
import { useDocValue } from "./use-conference-connection.ts";

const templateOrder = (kind: string | null) => {
  const index = (CONFERENCE_AGENDA_TEMPLATE as readonly (string | null)[]).indexOf(kind);
  return index === -1 ? CONFERENCE_AGENDA_TEMPLATE.length : index;
};

/** Agenda items, once per id (two editors may seed at the same moment), in the Fallkonferenz order. */
function readOrderedAgenda(doc: Y.Doc) {
  const seen = new Set<string>();
  return readAgenda(doc)
    .filter((item) => {
      if (seen.has(item.id)) return false;
      seen.add(item.id);
      return true;
    })
    .sort((a, b) => templateOrder(a.kind) - templateOrder(b.kind));
}

export function AgendaPanel({
  doc,
  conference,
  editable,
  synced,
}: {
  doc: Y.Doc;
  conference: TConference;
  editable: boolean;
  synced: boolean;
}) {
  const { t } = useTranslation();
  const items = useDocValue(doc, readOrderedAgenda, []);

  // A new document has no agenda yet: the first editor copies the planned one in, with its ids.
  useEffect(() => {
    if (!editable || !synced || getAgenda(doc).length > 0) return;
    doc.transact(() => {
      for (const item of [...conference.agenda].sort((a, b) => a.position - b.position)) {
        addAgendaItem(
          doc,
          { kind: item.kind, title: item.title ?? t(`agenda.${item.kind}`) },
          item.id,
        );
      }
    });
  }, [doc, conference.agenda, editable, synced, t]);

  const toggle = (id: string, done: boolean) => {
    const entry = getAgenda(doc)
      .toArray()
      .find((map) => map.get("id") === id);
    entry?.set("done", done);
  };

  return (
    <section aria-labelledby="agenda-heading" className="room-panel">
      <h2 id="agenda-heading">{t("room.agenda")}</h2>
      <ol className="agenda">
        {items.map((item) => {
          const title = item.kind
            ? t(`agenda.${item.kind}`, { defaultValue: item.title })
            : item.title;
          return (
            <li key={item.id} className={item.done ? "agenda-done" : undefined}>
              <label className="check">
                <input
                  type="checkbox"
                  checked={item.done}
                  disabled={!editable}
                  onChange={(event) => toggle(item.id, event.target.checked)}
                />
                {title}
              </label>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
