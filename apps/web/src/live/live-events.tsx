import { LIVE_EVENT_KINDS, ZLiveEvent } from "@runder-tisch/contracts";
import { useQueryClient } from "@tanstack/react-query";
import { createContext, type ReactNode, useContext, useEffect, useState } from "react";
import { CoalescedRefresh } from "./coalesced-refresh.ts";
import { queriesChangedBy } from "./refresh-plan.ts";

export type LiveState = "connecting" | "live" | "unavailable";

interface LiveValue {
  state: LiveState;
}

const LiveContext = createContext<LiveValue>({ state: "connecting" });

/** How often pages re-ask the server when the event channel is not there. */
export const POLL_WITHOUT_LIVE_MS = 5_000;

/**
 * Listens to the server's event channel and refreshes the queries an event changed,
 * at most once a second however many events arrive. When the channel is missing
 * (older server) or keeps failing, pages fall back to polling.
 */
export function LiveEventsProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<LiveState>("connecting");

  useEffect(() => {
    if (typeof EventSource === "undefined") {
      setState("unavailable");
      return;
    }
    const refresh = new CoalescedRefresh((queryKey) => {
      void queryClient.invalidateQueries({ queryKey });
    });
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
      refresh.add(queriesChangedBy(parsed.data));
    };
    // The server names each message after its kind; unnamed ones are accepted too.
    source.onmessage = receive;
    for (const kind of LIVE_EVENT_KINDS) source.addEventListener(kind, receive);
    return () => {
      source.close();
      refresh.dispose();
    };
  }, [queryClient]);

  return <LiveContext.Provider value={{ state }}>{children}</LiveContext.Provider>;
}

export function useLive(): LiveValue {
  return useContext(LiveContext);
}

/** `refetchInterval` for queries that should stay current: only while no live channel exists. */
export function usePollingFallback(): number | false {
  return useLive().state === "live" ? false : POLL_WITHOUT_LIVE_MS;
}
