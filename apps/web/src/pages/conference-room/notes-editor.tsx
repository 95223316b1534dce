import {
  dismissalKey,
  NOTES_FIELD,
  observeDismissals,
  readDismissals,
} from "@runder-tisch/conference-doc";
import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { EditorContent, useEditor, useEditorState } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type * as Y from "yjs";
import { renderCaret } from "./collab-caret.ts";
import type { ConferenceConnection } from "./conference-connection.ts";
import { MentionInsert } from "./mention-insert.tsx";
import { NoteMention } from "./note-mention.ts";
import { PiiHighlight, type PiiHighlightOptions } from "./pii-highlight.ts";
import { PiiPanel } from "./pii-panel.tsx";
import { agencyColor } from "./presence.ts";

function Toolbar({
  editor,
  caseId,
  meId,
}: {
  editor: NonNullable<ReturnType<typeof useEditor>>;
  caseId: string;
  meId: string;
}) {
  const { t } = useTranslation();
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      bold: current.isActive("bold"),
      italic: current.isActive("italic"),
      bullets: current.isActive("bulletList"),
      numbers: current.isActive("orderedList"),
    }),
  });
  const button = (label: string, active: boolean, run: () => void) => (
    <button type="button" className="toolbar-button" aria-pressed={active} onClick={run}>
      {label}
    </button>
  );
  return (
    <div className="toolbar" role="toolbar" aria-label={t("room.toolbar")}>
      {button(t("room.bold"), state.bold, () => editor.chain().focus().toggleBold().run())}
      {button(t("room.italic"), state.italic, () => editor.chain().focus().toggleItalic().run())}
      {button(t("room.bullets"), state.bullets, () =>
        editor.chain().focus().toggleBulletList().run(),
      )}
      {button(t("room.numbers"), state.numbers, () =>
        editor.chain().focus().toggleOrderedList().run(),
      )}
      <MentionInsert editor={editor} caseId={caseId} meId={meId} />
    </div>
  );
}

/**
 * What the highlighter asks for every finding after every edit: kept as a set and read
 * again from the document only when someone dismisses a finding.
 */
function watchDismissals(doc: Y.Doc): PiiHighlightOptions {
  let dismissed = new Set(readDismissals(doc).map(dismissalKey));
  return {
    isDismissed: (finding) => dismissed.has(dismissalKey(finding)),
    onDismissalsChanged: (listener) =>
      observeDismissals(doc, () => {
        dismissed = new Set(readDismissals(doc).map(dismissalKey));
        listener();
      }),
  };
}

export function NotesEditor({
  connection,
  editable,
  caseId,
  userId,
  userName,
  agencyId,
  by,
  onSelectionText,
}: {
  connection: ConferenceConnection;
  editable: boolean;
  /** The case whose people can be mentioned (@). */
  caseId: string;
  userId: string;
  userName: string;
  agencyId: string;
  /** Who is writing, as a dismissed finding names it: "Name (Stelle)". */
  by: string;
  onSelectionText(text: string): void;
}) {
  const { t } = useTranslation();
  const editor = useEditor(
    {
      extensions: [
        // Undo comes from the collaboration extension, per user; the built-in one would undo others' typing.
        StarterKit.configure({ undoRedo: false }),
        Collaboration.configure({ document: connection.doc, field: NOTES_FIELD }),
        CollaborationCaret.configure({
          provider: connection.provider,
          user: { name: userName, agencyId, color: agencyColor(agencyId) },
          render: renderCaret,
        }),
        PiiHighlight.configure(watchDismissals(connection.doc)),
        NoteMention,
      ],
      editable,
      editorProps: {
        attributes: {
          "aria-label": t("room.notesLabel"),
          "aria-multiline": "true",
          role: "textbox",
          class: "notes-editor",
        },
      },
      onSelectionUpdate: ({ editor: current }) => {
        const { from, to } = current.state.selection;
        onSelectionText(current.state.doc.textBetween(from, to, " ").trim());
      },
    },
    [connection],
  );
  useEffect(() => {
    editor?.setEditable(editable);
  }, [editor, editable]);
  if (!editor) return null;
  return (
    <div className="notes">
      {editable ? <Toolbar editor={editor} caseId={caseId} meId={userId} /> : null}
      <EditorContent editor={editor} />
      <PiiPanel editor={editor} editable={editable} doc={connection.doc} by={by} />
    </div>
  );
}
