import {
  TEXT_LIMITS,
  type TInternalNote,
  type TInternalNoteWriteResponse,
  ZWriteInternalNoteRequest,
} from "@runder-tisch/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  addInternalNote,
  changeInternalNote,
  deleteInternalNote,
  fetchInternalNotes,
} from "../../api/internal-notes.ts";
import { queryKeys } from "../../api/query-keys.ts";
import { ErrorMessage } from "../../components/error-message.tsx";
import { formatDateTime } from "../../components/format.ts";
import { Field } from "../../forms/field.tsx";
import { FormButtons } from "../../forms/form-buttons.tsx";
import { useSchemaForm } from "../../forms/use-schema-form.ts";
import { useMe } from "../../session/session.tsx";

/** Says, wherever an internal note is shown, that only the writing agency sees it. */
export function InternalBadge() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <span className="badge badge-internal">
      {t("internalNotes.badge", { agency: me.agency.name })}
    </span>
  );
}

/**
 * The guard does not hold an internal note back (no other agency reads it), but says
 * what it found, so the writer can still think twice.
 */
function Warning({ saved }: { saved: TInternalNoteWriteResponse | undefined }) {
  const { t } = useTranslation();
  const findings = saved?.personalDataWarnings ?? [];
  if (findings.length === 0) return null;
  const excerpts = findings.map((finding) => finding.excerpt).join(", ");
  return (
    <p className="field-hint" role="status">
      {t("internalNotes.warning", { excerpts })}
    </p>
  );
}

function NoteForm({
  caseId,
  note,
  onDone,
}: {
  caseId: string;
  note?: TInternalNote;
  onDone?(): void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState<TInternalNoteWriteResponse>();
  const form = useSchemaForm({
    schema: ZWriteInternalNoteRequest,
    initial: { body: note?.body ?? "" },
    send: (body) =>
      note ? changeInternalNote(caseId, note.id, body) : addInternalNote(caseId, body),
    resetOnSaved: !note,
    onSaved: (result) => {
      setSaved(result);
      void queryClient.invalidateQueries({ queryKey: queryKeys.internalNotes(caseId) });
      onDone?.();
    },
  });
  return (
    <form className="form-card" onSubmit={form.submit} noValidate>
      <Field
        label={note ? t("internalNotes.editLabel") : t("internalNotes.newLabel")}
        error={form.errors.body}
      >
        {(props) => (
          <textarea {...props} {...form.bind("body")} rows={3} maxLength={TEXT_LIMITS.longText} />
        )}
      </Field>
      <Warning saved={saved} />
      <FormButtons
        label={note ? t("internalNotes.save") : t("internalNotes.add")}
        form={form}
        tone="plain"
        {...(onDone ? { onCancel: onDone } : {})}
      />
    </form>
  );
}

function NoteItem({ caseId, note }: { caseId: string; note: TInternalNote }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const remove = useMutation({
    mutationFn: () => deleteInternalNote(caseId, note.id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.internalNotes(caseId) }),
  });
  if (editing) return <NoteForm caseId={caseId} note={note} onDone={() => setEditing(false)} />;
  return (
    <li className="internal-note">
      <p className="internal-note-body">{note.body}</p>
      <p className="muted">
        <InternalBadge />{" "}
        {t("internalNotes.writtenBy", {
          name: note.author?.displayName ?? "",
          date: formatDateTime(note.updatedAt),
        })}
      </p>
      <ErrorMessage error={remove.error} />
      <div className="form-buttons">
        <button type="button" className="button" onClick={() => setEditing(true)}>
          {t("internalNotes.edit")}
        </button>
        <button
          type="button"
          className="button-danger"
          disabled={remove.isPending}
          onClick={() => remove.mutate()}
        >
          {t("internalNotes.delete")}
        </button>
      </div>
    </li>
  );
}

/** My agency's internal notes on a case, with adding, changing and deleting them. */
export function InternalNotesList({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const notes = useQuery({
    queryKey: queryKeys.internalNotes(caseId),
    queryFn: () => fetchInternalNotes(caseId),
  });
  return (
    <>
      <p className="muted">
        <InternalBadge /> {t("internalNotes.explain")}
      </p>
      <ErrorMessage error={notes.error} />
      {notes.data?.notes.length === 0 ? <p className="empty">{t("internalNotes.none")}</p> : null}
      <ul className="internal-note-list">
        {notes.data?.notes.map((note) => (
          <NoteItem key={note.id} caseId={caseId} note={note} />
        ))}
      </ul>
      <NoteForm caseId={caseId} />
    </>
  );
}
