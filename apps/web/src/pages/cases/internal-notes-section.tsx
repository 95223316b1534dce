import { useTranslation } from "react-i18next";
import { LazyInternalNotesList } from "../internal-notes/lazy-internal-notes.tsx";

/** The case page's section of my agency's internal notes. */
export function InternalNotesSection({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="internal-notes-heading" className="panel panel-internal">
      <h2 id="internal-notes-heading">{t("internalNotes.title")}</h2>
      <LazyInternalNotesList caseId={caseId} />
    </section>
  );
}
