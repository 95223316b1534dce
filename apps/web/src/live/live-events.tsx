import { LIVE_EVENT_KINDS, ZLiveEvent } from "@runder-tisch/contracts";
import { useQueryClient } from "@tanstack/react-query";
import { createContext, type ReactNode, useContext, useEffect, useState } from "react";
import { queryKeys } from "../api/query-keys.ts";

export type LiveState = "connecting" | "live" | "unavailable";

interface LiveValue {
  state: LiveState;
  /** Counts received action events, so pages can announce news without their own socket. */
  actionEvents: number;
}

const LiveContext = createContext<LiveValue>({ state: "connecting", actionEvents: 0 });

/** How often pages re-ask the server when the event channel is not there. */
export const POLL_WITHOUT_LIVE_MS = 5_000;

/**
 * Listens to the server's event channel and marks affected queries stale. When the
 * channel is missing (older server) or keeps failing, pages fall back to polling.
 */
export function LiveEventsProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<LiveState>("connecting");
  const [actionEvents, setActionEvents] = useState(0);

  useEffect(() => {
    if (typeof EventSource === "undefined") {
      setState("unavailable");
      return;
    }
    const source = new EventSource("/api/events", { withCredentials: true });
    source.onopen = () => setState("live");
    source.onerror = () => {
      // A 404 or a refused stream closes the source for good; a network blip keeps retrying.
      if (source.readyState === EventSource.CLOSED) setState("unavailable");
      else setState("connecting");
    };
    const receive = (message: MessageEvent) => {
      let data: unknown;
      try {
        data = JSON.parse(message.data as string);
      } catch {
        return;
      }
      const parsed = ZLiveEvent.safeParse(data);
      if (!parsed.success) return;
      const event = parsed.data;
      if (event.kind === "notification.created") {
        // Carries nothing but "something new for you": the bell and the list ask again.
        void queryClient.invalidateQueries({ queryKey: queryKeys.notifications });
        return;
      }
      if (event.kind === "conference.changed") {
        void queryClient.invalidateQueries({ queryKey: queryKeys.conferenceLists });
        void queryClient.invalidateQueries({ queryKey: queryKeys.conference(event.conferenceId) });
      } else if (event.kind === "case.access_changed") {
        // Lists and the case page ask again: the agency that lost access gets "not
        // found", the owner sees which actions need a new owner. An open conference room
        // is closed by its own channel, with the reason.
        void queryClient.invalidateQueries({ queryKey: queryKeys.inbox });
        void queryClient.invalidateQueries({ queryKey: queryKeys.cases });
        void queryClient.invalidateQueries({ queryKey: queryKeys.conferenceLists });
      } else {
        setActionEvents((count) => count + 1);
        void queryClient.invalidateQueries({ queryKey: queryKeys.inbox });
        void queryClient.invalidateQueries({ queryKey: queryKeys.action(event.actionId) });
      }
      void queryClient.invalidateQueries({ queryKey: queryKeys.case(event.caseId) });
    };
    // The server names each message after its kind; unnamed ones are accepted too.
    source.onmessage = receive;
    for (const kind of LIVE_EVENT_KINDS) source.addEventListener(kind, receive);
    return () => source.close();
  }, [queryClient]);

  return <LiveContext.Provider value={{ state, actionEvents }}>{children}</LiveContext.Provider>;
}

export function useLive(): LiveValue {
  return useContext(LiveContext);
}

/** `refetchInterval` for queries that should stay current: only while no live channel exists. */
export function usePollingFallback(): number | false {
  return useLive().state === "live" ? false : POLL_WITHOUT_LIVE_MS;
}
