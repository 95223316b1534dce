import type { TUser } from "@runder-tisch/contracts";

/** Locked after too many failed logins, until the time the server set. */
export function isLocked(user: TUser, now = Date.now()): boolean {
  return user.lockedUntil !== null && new Date(user.lockedUntil).getTime() > now;
}
