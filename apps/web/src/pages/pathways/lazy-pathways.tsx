import { lazy, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { Loading } from "../../components/loading.tsx";
import { withMessages } from "../../i18n/message-packs.ts";
import type { PathwaysPanelProps } from "./pathways-panel.tsx";

// The panel, its API calls and its texts load only where a case's pathways are shown: the
// conference room has little room left in its budget, so there they wait until asked for.
const PathwaysPanel = lazy(() =>
  withMessages(import("./pathways-panel.tsx"), import("../../i18n/pathway-messages.ts")).then(
    (module) => ({ default: module.PathwaysPanel }),
  ),
);

/** The case page's section: loads at once, beside the rest of the page. */
export function PathwaysSection(props: PathwaysPanelProps) {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<Loading label={t("common.loading")} />}>
      <PathwaysPanel {...props} />
    </Suspense>
  );
}

/** The conference room's disclosure: the panel loads when someone opens it. */
export function PathwaysDisclosure(props: PathwaysPanelProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <div className="pathways-disclosure">
      <button
        type="button"
        className="button-quiet"
        aria-expanded={open}
        onClick={() => setOpen((was) => !was)}
      >
        {open ? t("room.pathwaysHide") : t("room.pathwaysShow")}
      </button>
      {open ? <PathwaysSection {...props} /> : null}
    </div>
  );
}
