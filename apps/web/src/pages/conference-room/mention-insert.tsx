import type { Editor } from "@tiptap/core";
import { useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useCasePeople } from "../../actions/case-people.ts";
import { mentionContent } from "./note-mention.ts";

/**
 * "@ Person erwähnen" in the notes toolbar: a button that opens a list of the people
 * who may see the case and inserts the chosen one at the cursor. A select rather than a
 * popup while typing, so it works the same with a keyboard and a screen reader.
 */
export function MentionInsert({
  editor,
  caseId,
  meId,
}: {
  editor: Editor;
  caseId: string;
  meId: string;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState("");
  const opener = useRef<HTMLButtonElement>(null);
  const selectId = useId();
  const groups = useCasePeople(caseId);
  const close = () => {
    setOpen(false);
    setChoice("");
    opener.current?.focus();
  };
  const insert = () => {
    const person = groups.flatMap((group) => group.people).find((one) => one.id === choice);
    if (!person) return;
    setOpen(false);
    setChoice("");
    editor.chain().focus().insertContent(mentionContent(person)).run();
  };
  return (
    <span className="mention-insert">
      <button
        ref={opener}
        type="button"
        className="toolbar-button"
        aria-expanded={open}
        onClick={() => (open ? close() : setOpen(true))}
      >
        {t("room.mention")}
      </button>
      {open ? (
        // biome-ignore lint/a11y/noStaticElementInteractions: Escape closes the little form, as a dialog would.
        <span
          className="mention-insert-form"
          onKeyDown={(event) => {
            if (event.key === "Escape") close();
          }}
        >
          <label htmlFor={selectId}>{t("room.mentionWho")}</label>{" "}
          <select
            id={selectId}
            // biome-ignore lint/a11y/noAutofocus: the person asked for this list just now.
            autoFocus
            value={choice}
            onChange={(event) => setChoice(event.target.value)}
          >
            <option value="">{t("comments.mentionPick")}</option>
            {groups.map(({ agency, people }) => (
              <optgroup key={agency.id} label={agency.name}>
                {people
                  .filter((person) => person.id !== meId)
                  .map((person) => (
                    <option key={person.id} value={person.id}>
                      {person.displayName}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>{" "}
          <button type="button" className="toolbar-button" disabled={!choice} onClick={insert}>
            {t("room.mentionInsert")}
          </button>{" "}
          <button type="button" className="button-quiet" onClick={close}>
            {t("common.cancel")}
          </button>
        </span>
      ) : null}
    </span>
  );
}
