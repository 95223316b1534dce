import { useEffect, useState } from "react";
import type { Awareness } from "y-protocols/awareness";
import { z } from "zod";

/** The server writes this into every awareness state from the authenticated session. */
const ZPresenceUser = z.object({
  id: z.string(),
  name: z.string(),
  agencyId: z.string().optional(),
  agencyName: z.string().optional(),
  color: z.string().optional(),
});
export type PresenceUser = z.infer<typeof ZPresenceUser>;

const PALETTE = [
  "#0b5394",
  "#a4161a",
  "#1e6b34",
  "#7b3294",
  "#8a4b00",
  "#006d77",
  "#b5179e",
  "#3a5a40",
];

/** One stable colour per agency, so everyone from the ABH types in the same colour. */
export function agencyColor(agencyId: string | undefined): string {
  if (!agencyId) return PALETTE[0] ?? "#0b5394";
  let hash = 0;
  for (const char of agencyId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return PALETTE[hash % PALETTE.length] ?? "#0b5394";
}

export function readPresenceUser(state: unknown): PresenceUser | null {
  if (!state || typeof state !== "object" || !("user" in state)) return null;
  const parsed = ZPresenceUser.safeParse(state.user);
  return parsed.success ? parsed.data : null;
}

/**
 * Everyone connected to the document, once per person even with several tabs. Our own
 * state only carries what the caret extension set; the server fills in the rest for the
 * others, so we describe ourselves.
 */
export function usePresence(awareness: Awareness | undefined, self: PresenceUser): PresenceUser[] {
  const [people, setPeople] = useState<PresenceUser[]>([]);
  const { id, name, agencyId, agencyName } = self;
  useEffect(() => {
    if (!awareness) return;
    const refresh = () => {
      const byId = new Map<string, PresenceUser>([[id, { id, name, agencyId, agencyName }]]);
      for (const [clientId, state] of awareness.getStates()) {
        if (clientId === awareness.clientID) continue;
        const user = readPresenceUser(state);
        if (user) byId.set(user.id, user);
      }
      setPeople([...byId.values()].sort((a, b) => a.name.localeCompare(b.name)));
    };
    refresh();
    awareness.on("change", refresh);
    return () => awareness.off("change", refresh);
  }, [awareness, id, name, agencyId, agencyName]);
  return people;
}
