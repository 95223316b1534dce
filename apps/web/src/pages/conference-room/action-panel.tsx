import {
  type ActionEntry,
  type ReadActionResult,
  readActions,
  updateAction,
} from "@runder-tisch/conference-doc";
import {
  ACTION_STATUSES,
  type TAction,
  type TActionStatus,
  type TAgencyRef,
  ZErrorReason,
} from "@runder-tisch/contracts";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type * as Y from "yjs";
import { formatDay } from "../../components/format.ts";
import { StatusBadge } from "../../components/status-badge.tsx";
import { NewActionForm } from "./new-action-form.tsx";
import { RoomActionEditForm } from "./room-action-edit-form.tsx";
import { useDocValue } from "./use-conference-connection.ts";

/**
 * The server marks an entry it could not take over with the reason. Documents from before
 * reasons existed hold English text there, and any client can write the field, so only a
 * known reason is put into words.
 */
function ProjectionError({ value }: { value: string }) {
  const { t } = useTranslation();
  const reason = ZErrorReason.safeParse(value);
  return (
    <p className="field-error">
      {reason.success
        ? t("room.projectionError", { reason: t(`reasons.${reason.data}`) })
        : t("room.projectionErrorUnknown")}
    </p>
  );
}

const validActions = (doc: Y.Doc): ActionEntry[] =>
  readActions(doc).flatMap((result: ReadActionResult) => (result.ok ? [result.action] : []));

function DocActionItem({
  entry,
  recorded,
  agencyName,
  agencies,
  doc,
  editable,
  by,
}: {
  entry: ActionEntry;
  /** The server's record of the same action, for the person's name and who may change it. */
  recorded: TAction | undefined;
  agencyName: string;
  agencies: TAgencyRef[];
  doc: Y.Doc;
  editable: boolean;
  by: string;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  // Choosing a status (also by arrow key) only chooses it; the button writes it.
  const [choice, setChoice] = useState<TActionStatus | null>(null);
  const select = useRef<HTMLSelectElement>(null);
  const status = entry.status;
  // The server writes changes made in inboxes back into the document, so the entry is current.
  const change = (next: TActionStatus) => updateAction(doc, entry.id, { status: next });
  const canChange = editable && (recorded ? recorded.canEdit : true);
  return (
    <li className="room-action" data-action-id={entry.id}>
      <p className="room-action-title">{entry.title}</p>
      <p className="muted">
        {agencyName}
        {recorded?.responsiblePerson ? ` – ${recorded.responsiblePerson.displayName}` : ""}
        {entry.dueDate ? ` · ${t("action.due")} ${formatDay(entry.dueDate)}` : ""}
      </p>
      {entry.projectionError ? <ProjectionError value={entry.projectionError} /> : null}
      <div className="room-action-status">
        <StatusBadge status={status} />
        {canChange ? (
          <label>
            <span className="visually-hidden">{t("action.statusOf", { title: entry.title })}</span>
            <select
              ref={select}
              value={choice ?? status}
              onChange={(event) => setChoice(event.target.value as TActionStatus)}
            >
              {ACTION_STATUSES.map((value) => (
                <option key={value} value={value}>
                  {t(`actionStatus.${value}`)}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {canChange && choice !== null && choice !== status ? (
          <button
            type="button"
            className="button"
            onClick={() => {
              change(choice);
              setChoice(null);
              // The button goes with the change; the focus goes back to the status.
              select.current?.focus();
            }}
          >
            {t("action.applyStatus")}
          </button>
        ) : null}
        {canChange && !editing ? (
          <button
            type="button"
            className="button-quiet"
            aria-label={t("room.editAction", { title: entry.title })}
            onClick={() => setEditing(true)}
          >
            {t("action.edit")}
          </button>
        ) : null}
      </div>
      {editing ? (
        <RoomActionEditForm
          doc={doc}
          by={by}
          entry={entry}
          agencies={agencies}
          onDone={() => setEditing(false)}
        />
      ) : null}
    </li>
  );
}

export function ActionPanel({
  doc,
  agencies,
  recorded,
  editable,
  selectedText,
  by,
}: {
  doc: Y.Doc;
  agencies: TAgencyRef[];
  recorded: TAction[];
  editable: boolean;
  selectedText: string;
  /** Who is writing, as a dismissed finding names it: "Name (Stelle)". */
  by: string;
}) {
  const { t } = useTranslation();
  const entries = useDocValue(doc, validActions, []);
  const recordedById = new Map(recorded.map((action) => [action.id, action]));
  const agencyName = (id: string) =>
    agencies.find((agency) => agency.id === id)?.name ??
    recordedById.get(id)?.responsibleAgency.name ??
    t("room.unknownAgency");
  return (
    <section aria-labelledby="room-actions-heading" className="room-panel">
      <h2 id="room-actions-heading">{t("room.actions")}</h2>
      {entries.length === 0 ? <p className="empty">{t("room.noActions")}</p> : null}
      <ul className="room-actions" aria-live="polite">
        {entries.map((entry) => (
          <DocActionItem
            key={entry.id}
            by={by}
            entry={entry}
            recorded={recordedById.get(entry.id)}
            agencyName={
              recordedById.get(entry.id)?.responsibleAgency.name ??
              agencyName(entry.responsibleAgencyId)
            }
            agencies={agencies}
            doc={doc}
            editable={editable}
          />
        ))}
      </ul>
      {editable ? (
        <NewActionForm doc={doc} agencies={agencies} selectedText={selectedText} by={by} />
      ) : null}
    </section>
  );
}
