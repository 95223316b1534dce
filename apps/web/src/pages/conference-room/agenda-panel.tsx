import {
  type AgendaItem,
  addAgendaItem,
  changeAgendaItem,
  readAgenda,
  seedPlannedAgenda,
  setAgendaItemDone,
  withdrawAgendaItem,
} from "@runder-tisch/conference-doc";
import { type TConference, TEXT_LIMITS } from "@runder-tisch/contracts";
import { lazy, Suspense, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type * as Y from "yjs";
import { AddTextForm } from "../../components/add-text-form.tsx";
import { formatDay } from "../../components/format.ts";
import { Loading } from "../../components/loading.tsx";
import { StatusMessage, useStatusMessage } from "../../components/status-message.tsx";
import { EditableEntry } from "./editable-entry.tsx";
import { roomTextGuard } from "./room-text-guard.ts";
import { useDocValue } from "./use-conference-connection.ts";

// Carrying an item on is rare: its form and the case's conference list load when opened.
const CarryAgendaItemForm = lazy(() =>
  import("./carry-agenda-item-form.tsx").then((module) => ({
    default: module.CarryAgendaItemForm,
  })),
);

function AgendaEntry({
  doc,
  conference,
  item,
  title,
  editable,
  by,
  announce,
}: {
  doc: Y.Doc;
  conference: TConference;
  item: AgendaItem;
  title: string;
  editable: boolean;
  by: string;
  announce(message: string): void;
}) {
  const { t } = useTranslation();
  const [carrying, setCarrying] = useState(false);
  return (
    <EditableEntry
      text={title}
      changedBy={item.changedBy}
      editable={editable}
      className={item.done ? "agenda-done" : undefined}
      maxLength={TEXT_LIMITS.name}
      onChange={(text) => changeAgendaItem(doc, item.id, text, by)}
      onWithdraw={() => withdrawAgendaItem(doc, item.id)}
      guard={roomTextGuard(doc, by)}
      display={
        <label className="check">
          <input
            type="checkbox"
            checked={item.done}
            disabled={!editable}
            onChange={(event) => setAgendaItemDone(doc, item.id, event.target.checked)}
          />
          {title}
        </label>
      }
      extraButtons={
        item.carriedTo ? null : (
          <button
            type="button"
            className="button-quiet"
            aria-label={t("carry.open", { text: title })}
            aria-expanded={carrying}
            onClick={() => setCarrying(!carrying)}
          >
            {t("carry.button")}
          </button>
        )
      }
    >
      {item.carriedTo ? (
        <span className="muted"> · {t("carry.marked", { date: formatDay(item.carriedTo) })}</span>
      ) : null}
      {carrying ? (
        <Suspense fallback={<Loading label={t("common.loading")} />}>
          <CarryAgendaItemForm
            doc={doc}
            conference={conference}
            item={{ id: item.id, title }}
            onCancel={() => setCarrying(false)}
            onCarried={(result, mode) => {
              setCarrying(false);
              const date = formatDay(result.toConference.scheduledOn);
              announce(t(mode === "move" ? "carry.moved" : "carry.copied", { date }));
            }}
          />
        </Suspense>
      ) : null}
    </EditableEntry>
  );
}

export function AgendaPanel({
  doc,
  conference,
  editable,
  synced,
  by,
}: {
  doc: Y.Doc;
  conference: TConference;
  editable: boolean;
  synced: boolean;
  /** Who is writing, as shown beside a reworded item: "Name (Stelle)". */
  by: string;
}) {
  const { t } = useTranslation();
  const items = useDocValue(doc, readAgenda, []);
  const status = useStatusMessage();

  // The planned agenda goes into the document: all of it when the room is first opened,
  // and later whatever was carried over from an earlier conference since.
  useEffect(() => {
    if (!editable || !synced) return;
    seedPlannedAgenda(
      doc,
      [...conference.agenda].sort((a, b) => a.position - b.position),
      (item) => item.title ?? t(`agenda.${item.kind}`),
    );
  }, [doc, conference.agenda, editable, synced, t]);

  // Standard items read in each reader's language until someone rewords them.
  const titleOf = (item: AgendaItem) =>
    item.kind && !item.changedBy
      ? t(`agenda.${item.kind}`, { defaultValue: item.title })
      : item.title;

  return (
    <section aria-labelledby="agenda-heading" className="room-panel">
      <h2 id="agenda-heading">{t("room.agenda")}</h2>
      <ol className="agenda">
        {items.map((item) => (
          <AgendaEntry
            key={item.id}
            doc={doc}
            conference={conference}
            item={item}
            title={titleOf(item)}
            editable={editable}
            by={by}
            announce={status.announce}
          />
        ))}
      </ol>
      <StatusMessage message={status.message} />
      {editable ? (
        <AddTextForm
          label={t("room.addAgendaItem")}
          maxLength={TEXT_LIMITS.name}
          guard={roomTextGuard(doc, by)}
          onAdd={(title) => addAgendaItem(doc, { title })}
        />
      ) : null}
    </section>
  );
}
