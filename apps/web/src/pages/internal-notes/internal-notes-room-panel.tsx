import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { LazyInternalNotesList } from "./lazy-internal-notes.tsx";

/**
 * My agency's internal notes beside the conference, folded until asked for: notes nobody
 * looks at are neither loaded nor audited. Nothing here enters the conference document or
 * the minutes.
 */
export function InternalNotesRoomPanel({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const headingId = useId();
  const bodyId = useId();
  return (
    <section className="panel room-internal-notes" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("room.internalNotes")}</h2>
      <button
        type="button"
        className="button"
        aria-expanded={open}
        aria-controls={bodyId}
        onClick={() => setOpen((shown) => !shown)}
      >
        {open ? t("room.internalNotesHide") : t("room.internalNotesShow")}
      </button>
      <div id={bodyId}>{open ? <LazyInternalNotesList caseId={caseId} /> : null}</div>
    </section>
  );
}
