import type { TUserRole } from "@runder-tisch/contracts";
import type { Actor } from "./actor.ts";

export const isPlatformAdmin = (actor: Actor) => actor.role === "platform_admin";

export const canManageAgencies = isPlatformAdmin;

/** Coordinators look after their own agency's people; the platform admin after everyone. */
export function canManageUsersOf(actor: Actor, agencyId: string): boolean {
  return isPlatformAdmin(actor) || (actor.role === "coordinator" && actor.agencyId === agencyId);
}

/** Coordinators appoint members only; coordinators and admins are created by the platform admin. */
export function canAssignRole(actor: Actor, role: TUserRole): boolean {
  if (isPlatformAdmin(actor)) return true;
  return actor.role === "coordinator" && role === "member";
}

export function canReadAuditOf(actor: Actor, agencyId: string | undefined): boolean {
  if (isPlatformAdmin(actor)) return true;
  return actor.role === "coordinator" && (agencyId === undefined || agencyId === actor.agencyId);
}

export const canVerifyAuditChain = isPlatformAdmin;
