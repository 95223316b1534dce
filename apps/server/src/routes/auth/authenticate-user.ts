import type { TLoginRequest } from "@runder-tisch/contracts";
import { type Database, schema } from "@runder-tisch/db";
import { eq, sql } from "drizzle-orm";
import { AppError, forbidden } from "../../errors.ts";
import { isDemoPassword } from "../../lib/demo-passwords.ts";
import { timingDummyHash, verifyPassword } from "../../lib/passwords.ts";

export interface LoginPolicy {
  failuresBeforeLock: number;
  lockMinutes: number;
  refuseDemoPasswords: boolean;
}

const invalidCredentials = () =>
  new AppError(401, "invalid_credentials", "E-mail address or password is wrong");

/**
 * Checks a password and keeps the per-account failure count: after too many
 * failures the account is locked for a while, whatever the IP address.
 */
export async function authenticateUser(db: Database, input: TLoginRequest, policy: LoginPolicy) {
  const [user] = await db
    .select()
    .from(schema.users)
    .where(eq(sql`lower(${schema.users.email})`, input.email));
  if (!user) {
    await verifyPassword(await timingDummyHash(), input.password);
    throw invalidCredentials();
  }
  const now = new Date();
  if (user.lockedUntil && user.lockedUntil > now) {
    throw new AppError(
      423,
      "account_locked",
      "Too many failed attempts; the account is locked for now",
      { details: { lockedUntil: user.lockedUntil.toISOString() } },
    );
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await countFailedLogin(db, user.id, policy, now);
    throw invalidCredentials();
  }
  if (user.disabledAt) {
    throw new AppError(403, "account_disabled", "This account is disabled; ask your coordinator");
  }
  if (policy.refuseDemoPasswords && isDemoPassword(input.password)) {
    throw forbidden("password_public", "Demo passwords are not accepted in production");
  }
  if (user.failedLoginCount > 0 || user.lockedUntil) {
    await db
      .update(schema.users)
      .set({ failedLoginCount: 0, lockedUntil: null })
      .where(eq(schema.users.id, user.id));
  }
  return user;
}

/**
 * One statement, so failures arriving at the same time each count: reading the
 * count first and writing it back would let parallel guesses past the lock.
 */
async function countFailedLogin(db: Database, userId: string, policy: LoginPolicy, now: Date) {
  const { users } = schema;
  const reachesLock = sql`${users.failedLoginCount} + 1 >= ${policy.failuresBeforeLock}`;
  const lockedUntil = new Date(now.getTime() + policy.lockMinutes * 60_000);
  await db
    .update(users)
    .set({
      failedLoginCount: sql`case when ${reachesLock} then 0 else ${users.failedLoginCount} + 1 end`,
      lockedUntil: sql`case when ${reachesLock} then ${lockedUntil.toISOString()}::timestamptz else ${users.lockedUntil} end`,
    })
    .where(eq(users.id, userId));
}
