import { lazy, Suspense } from "react";
import { withMessages } from "../../i18n/message-packs.ts";

// Most agencies have no task from a working group: the list, its request schema and its
// texts stay out of the bundle every page loads, and come while the inbox renders.
const SystemicInboxList = lazy(() =>
  withMessages(
    import("./systemic-inbox-list.tsx"),
    import("../../i18n/working-group-messages.ts"),
  ).then((module) => ({ default: module.SystemicInboxList })),
);

/** The inbox's section of tasks from working groups; it shows only when there are any. */
export function SystemicInboxSection() {
  return (
    <Suspense fallback={null}>
      <SystemicInboxList />
    </Suspense>
  );
}
