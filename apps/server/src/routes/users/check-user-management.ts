import type { TUpdateUserRequest, TUserRole } from "@runder-tisch/contracts";
import { forbidden, unprocessable } from "../../errors.ts";
import type { Actor } from "../../policies/actor.ts";
import { canAssignRole, canManageUsersOf } from "../../policies/administration.ts";

interface ManagedUser {
  id: string;
  agencyId: string;
  role: TUserRole;
}

/**
 * A coordinator looks after the members of their own agency (and their own
 * account): not fellow coordinators or admins, whose passwords they could
 * otherwise reset and so take over the account.
 */
export function assertMayManageUser(actor: Actor, target: ManagedUser): void {
  if (!canManageUsersOf(actor, target.agencyId)) {
    throw forbidden("other_agency", "You may only manage people of your own agency");
  }
  if (target.id !== actor.userId && !canAssignRole(actor, target.role)) {
    throw forbidden(
      "role_not_assignable",
      "Only the platform admin changes coordinators and admins",
    );
  }
}

export function assertMayChangeUser(
  actor: Actor,
  target: ManagedUser,
  change: TUpdateUserRequest,
): void {
  assertMayManageUser(actor, target);
  const newRole = change.role;
  if (
    newRole !== undefined &&
    newRole !== target.role &&
    !(canAssignRole(actor, newRole) && canAssignRole(actor, target.role))
  ) {
    throw forbidden("role_not_assignable", "You may not give this role");
  }
  // Locking oneself out leaves an agency without its coordinator, or the platform without an admin.
  if (change.disabled === true && target.id === actor.userId) {
    throw unprocessable("cannot_disable_self", "You cannot disable your own account");
  }
}

export function assertMayCreateUser(actor: Actor, agencyId: string, role: TUserRole): void {
  if (!canManageUsersOf(actor, agencyId)) {
    throw forbidden("other_agency", "You may only add people to your own agency");
  }
  if (!canAssignRole(actor, role)) {
    throw forbidden("role_not_assignable", "You may not give this role");
  }
}
