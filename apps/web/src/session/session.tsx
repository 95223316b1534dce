import type { TMeResponse } from "@runder-tisch/contracts";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { createContext, type ReactNode, useContext, useEffect, useState } from "react";
import { ApiError, type ApiErrorCode, onSessionLost, setCsrfToken } from "../api/client.ts";
import { queryKeys } from "../api/query-keys.ts";
import { fetchMe } from "../api/session.ts";

interface SessionValue {
  me: TMeResponse | null;
  loading: boolean;
  /** Why the user was sent back to the login page, if they were. */
  lostReason: ApiErrorCode | null;
  signedIn(me: TMeResponse): void;
  signedOut(): void;
}

const SessionContext = createContext<SessionValue | null>(null);

async function loadMe(): Promise<TMeResponse | null> {
  try {
    return await fetchMe();
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [lostReason, setLostReason] = useState<ApiErrorCode | null>(null);
  const query = useQuery({ queryKey: queryKeys.me, queryFn: loadMe, staleTime: Infinity });
  const me = query.data ?? null;

  useEffect(() => setCsrfToken(me?.csrfToken ?? null), [me]);
  useEffect(
    () =>
      onSessionLost((code) => {
        setLostReason(code);
        setCsrfToken(null);
        queryClient.clear();
        queryClient.setQueryData(queryKeys.me, null);
      }),
    [queryClient],
  );

  const value: SessionValue = {
    me,
    loading: query.isPending,
    lostReason,
    signedIn(next) {
      setLostReason(null);
      setCsrfToken(next.csrfToken);
      queryClient.setQueryData(queryKeys.me, next);
    },
    signedOut() {
      setCsrfToken(null);
      queryClient.clear();
      queryClient.setQueryData(queryKeys.me, null);
    },
  };
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error("useSession outside SessionProvider");
  return value;
}

/** The signed-in user; only for pages behind the login guard. */
export function useMe(): TMeResponse {
  const { me } = useSession();
  if (!me) throw new Error("useMe without a session");
  return me;
}
