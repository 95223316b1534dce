import type { TMeResponse, TUserRole } from "@runder-tisch/contracts";
import type { Actor } from "../../policies/actor.ts";
import { secondFactorSetupRequired } from "../../sign-in/second-factor.ts";

export interface MeSession {
  actor: Actor;
  csrfToken: string;
  expiresAt: Date;
  signInProvider: string | null;
  secondFactor: boolean;
  hasPassword: boolean;
}

export const presentMe = (session: MeSession, requiredFor: readonly TUserRole[]): TMeResponse => ({
  user: {
    id: session.actor.userId,
    email: session.actor.email,
    displayName: session.actor.displayName,
    role: session.actor.role,
  },
  agency: {
    id: session.actor.agencyId,
    name: session.actor.agencyName,
    kind: session.actor.agencyKind,
  },
  csrfToken: session.csrfToken,
  sessionExpiresAt: session.expiresAt.toISOString(),
  hasPassword: session.hasPassword,
  secondFactor: session.secondFactor,
  secondFactorRequiredForRole: requiredFor.includes(session.actor.role),
  secondFactorSetupRequired: secondFactorSetupRequired(requiredFor, session),
});
