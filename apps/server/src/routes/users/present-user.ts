import type { TUser, TUserRole } from "@runder-tisch/contracts";
import { schema } from "@runder-tisch/db";

/** What is ever read of a user for the API: never the password hash. */
export const userColumns = {
  id: schema.users.id,
  agencyId: schema.users.agencyId,
  email: schema.users.email,
  displayName: schema.users.displayName,
  role: schema.users.role,
  disabledAt: schema.users.disabledAt,
  lockedUntil: schema.users.lockedUntil,
  createdAt: schema.users.createdAt,
};

export interface UserView {
  id: string;
  agencyId: string;
  email: string;
  displayName: string;
  role: TUserRole;
  disabledAt: Date | null;
  lockedUntil: Date | null;
  createdAt: Date;
}

export function presentUser(user: UserView, now = new Date()): TUser {
  return {
    id: user.id,
    agencyId: user.agencyId,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    disabled: user.disabledAt !== null,
    // A lock that has run out is no lock; showing its old date would only confuse.
    lockedUntil: user.lockedUntil && user.lockedUntil > now ? user.lockedUntil.toISOString() : null,
    createdAt: user.createdAt.toISOString(),
  };
}
