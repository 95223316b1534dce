import { useEffect, useState, useSyncExternalStore } from "react";
import type * as Y from "yjs";
import { ConferenceConnection, type ConnectionSnapshot } from "./conference-connection.ts";

const idle: ConnectionSnapshot = {
  save: "connecting",
  role: null,
  closedCode: null,
  synced: false,
  localLoaded: false,
};
const noop = () => () => {};

/** Opens the conference document for as long as the room is shown. */
export function useConferenceConnection(conferenceId: string, userId: string) {
  const [connection, setConnection] = useState<ConferenceConnection | null>(null);
  useEffect(() => {
    const next = new ConferenceConnection(conferenceId, userId);
    setConnection(next);
    return () => {
      setConnection(null);
      next.destroy();
    };
  }, [conferenceId, userId]);
  const snapshot = useSyncExternalStore(
    connection?.subscribe ?? noop,
    connection?.getSnapshot ?? (() => idle),
  );
  return { connection, snapshot };
}

/** A value read from the document, read again after every change. */
export function useDocValue<T>(doc: Y.Doc | undefined, read: (doc: Y.Doc) => T, empty: T): T {
  const [value, setValue] = useState<T>(() => (doc ? read(doc) : empty));
  // biome-ignore lint/correctness/useExhaustiveDependencies: `read` is a module-level function at every call site
  useEffect(() => {
    if (!doc) return;
    const refresh = () => setValue(read(doc));
    refresh();
    doc.on("update", refresh);
    return () => doc.off("update", refresh);
  }, [doc]);
  return value;
}

/** Warns before leaving while the server has not confirmed everything typed here. */
export function useUnsavedWarning(connection: ConferenceConnection | null): void {
  useEffect(() => {
    if (!connection) return;
    const warn = (event: BeforeUnloadEvent) => {
      if (!connection.hasUnsavedChanges()) return;
      event.preventDefault();
      // Older browsers need returnValue set to show the dialog.
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [connection]);
}
