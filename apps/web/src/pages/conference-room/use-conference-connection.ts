import { useEffect, useState, useSyncExternalStore } from "react";
import type * as Y from "yjs";
import {
  CONFERENCE_DOCUMENT,
  ConferenceConnection,
  type ConnectionSnapshot,
  type LiveDocumentAddress,
} from "./conference-connection.ts";

const idle: ConnectionSnapshot = {
  save: "connecting",
  role: null,
  closedCode: null,
  synced: false,
  localLoaded: false,
};
const noop = () => () => {};

/** Opens a live document (by default the conference's) for as long as its room is shown. */
export function useConferenceConnection(
  room: string,
  userId: string,
  address: LiveDocumentAddress = CONFERENCE_DOCUMENT,
) {
  const [connection, setConnection] = useState<ConferenceConnection | null>(null);
  const { socketPath, storagePrefix } = address;
  useEffect(() => {
    const next = new ConferenceConnection(room, userId, { socketPath, storagePrefix });
    setConnection(next);
    return () => {
      setConnection(null);
      next.destroy();
    };
  }, [room, userId, socketPath, storagePrefix]);
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
