import type { TCreateUserRequest, TUpdateUserRequest } from "@runder-tisch/contracts";
import { type Executor, schema } from "@runder-tisch/db";
import { eq, sql } from "drizzle-orm";
import { bodyProblem, conflict, notFound } from "../../errors.ts";
import { revokeUserSessions } from "../../sessions/session-store.ts";
import { liftSignInPauses } from "../../sessions/sign-in-throttles.ts";
import { type UserView, userColumns } from "./present-user.ts";

/** The password is hashed by the caller: argon2 is slow and must not hold a transaction open. */
export async function createUser(
  db: Executor,
  input: Omit<TCreateUserRequest, "password"> & { passwordHash: string },
): Promise<UserView> {
  return db.transaction(async (tx) => {
    const [agency] = await tx
      .select({ id: schema.agencies.id })
      .from(schema.agencies)
      .where(eq(schema.agencies.id, input.agencyId));
    if (!agency) throw notFound("Agency");
    const [taken] = await tx
      .select({ id: schema.users.id })
      .from(schema.users)
      .where(eq(sql`lower(${schema.users.email})`, input.email.toLowerCase()));
    if (taken) {
      const message = "A person with this e-mail address already exists";
      throw conflict("email_taken", message, {
        problems: [bodyProblem("email", "email_taken", message)],
      });
    }
    const [user] = await tx.insert(schema.users).values(input).returning(userColumns);
    if (!user) throw new Error("user insert returned nothing");
    return user;
  });
}

export interface UserChange {
  user: UserView;
  /** True when this change switched the account off: live connections must be cut. */
  disabledNow: boolean;
}

/**
 * Applies a change. Disabling ends every session at once; so does a password
 * set by someone else, since whoever knew the old one must not stay signed in.
 */
export async function updateUser(
  db: Executor,
  target: { id: string; disabledAt: Date | null },
  change: Omit<TUpdateUserRequest, "password"> & { passwordHash?: string },
  options: { changedBySelf: boolean },
): Promise<UserChange> {
  const { displayName, role, disabled, passwordHash, unlock } = change;
  const disabledNow = disabled === true && target.disabledAt === null;
  return db.transaction(async (tx) => {
    const [user] = await tx
      .update(schema.users)
      .set({
        ...(displayName !== undefined ? { displayName } : {}),
        ...(role !== undefined ? { role } : {}),
        ...(disabled !== undefined
          ? { disabledAt: disabled ? (target.disabledAt ?? new Date()) : null }
          : {}),
        ...(passwordHash !== undefined ? { passwordHash } : {}),
        ...(unlock ? { lockedUntil: null } : {}),
      })
      .where(eq(schema.users.id, target.id))
      .returning(userColumns);
    if (!user) throw notFound("User");
    if (unlock) await liftSignInPauses(tx, user.email);
    if (disabled === true || (passwordHash !== undefined && !options.changedBySelf)) {
      await revokeUserSessions(tx, target.id);
    }
    return { user, disabledNow };
  });
}
