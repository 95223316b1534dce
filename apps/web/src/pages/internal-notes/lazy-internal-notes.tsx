import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Loading } from "../../components/loading.tsx";
import { withMessages } from "../../i18n/message-packs.ts";

// The list, its API calls and its texts are one chunk, loaded where the notes are shown:
// on the case page at once, in the conference room (little budget left) when opened.
const InternalNotesList = lazy(() =>
  withMessages(
    import("./internal-notes-panel.tsx"),
    import("../../i18n/referral-messages.ts"),
  ).then((module) => ({ default: module.InternalNotesList })),
);

/** My agency's internal notes on a case, loaded on first show. */
export function LazyInternalNotesList({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<Loading label={t("common.loading")} />}>
      <InternalNotesList caseId={caseId} />
    </Suspense>
  );
}
