import type { TMeResponse } from "@runder-tisch/contracts";
import type { Actor } from "../../policies/actor.ts";

export const presentMe = (actor: Actor, csrfToken: string, expiresAt: Date): TMeResponse => ({
  user: {
    id: actor.userId,
    email: actor.email,
    displayName: actor.displayName,
    role: actor.role,
  },
  agency: { id: actor.agencyId, name: actor.agencyName, kind: actor.agencyKind },
  csrfToken,
  sessionExpiresAt: expiresAt.toISOString(),
});
