import { NOTES_FIELD } from "@runder-tisch/conference-doc";
import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { EditorContent, useEditor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { renderCaret } from "../conference-room/collab-caret.ts";
import type { ConferenceConnection } from "../conference-room/conference-connection.ts";
import { PiiHighlight } from "../conference-room/pii-highlight.ts";
import { agencyColor } from "../conference-room/presence.ts";

// The meeting's document holds only the notes: nothing in it records a dismissed finding,
// so every finding stays marked until the text is changed.
const NO_DISMISSALS = {
  isDismissed: () => false,
  onDismissalsChanged: () => () => {},
};

/** The meeting's notes, written together; names and the like are marked while typing. */
export function MeetingNotesEditor({
  connection,
  editable,
  userName,
  agencyId,
}: {
  connection: ConferenceConnection;
  editable: boolean;
  userName: string;
  agencyId: string;
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
        PiiHighlight.configure(NO_DISMISSALS),
      ],
      editable,
      editorProps: {
        attributes: {
          "aria-label": t("workingGroups.room.notesLabel"),
          "aria-multiline": "true",
          role: "textbox",
          class: "notes-editor",
        },
      },
    },
    [connection],
  );
  useEffect(() => {
    editor?.setEditable(editable);
  }, [editor, editable]);
  if (!editor) return null;
  return <EditorContent editor={editor} />;
}
