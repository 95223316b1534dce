import type { TLoginRequest } from "@runder-tisch/contracts";
import { type Database, schema } from "@runder-tisch/db";
import { and, eq, lt, sql } from "drizzle-orm";
import { AppError, forbidden } from "../../errors.ts";
import { isDemoPassword } from "../../lib/demo-passwords.ts";
import { timingDummyHash, verifyPassword } from "../../lib/passwords.ts";
import { acceptTotp, isRecoveryCode, useRecoveryCode } from "../../sign-in/second-factor.ts";

export interface LoginPolicy {
  failuresBeforeLock: number;
  lockMinutes: number;
  refuseDemoPasswords: boolean;
}

/** Where a sign-in comes from: the e-mail address typed and the client's address. */
export interface SignInAttempt extends TLoginRequest {
  address: string;
}

const invalidCredentials = () =>
  new AppError(401, "invalid_credentials", "E-mail address or password is wrong");

const paused = (until: Date) =>
  new AppError(
    429,
    "account_locked",
    "Too many failed attempts for this account from this address; wait, or ask a coordinator",
    { details: { lockedUntil: until.toISOString() } },
  );

/** Failures of the throttle table are forgotten after a day: they hold addresses and e-mails. */
const FORGET_AFTER_MS = 86_400_000;

/**
 * Checks a password, following OWASP ASVS 2.2: failures are counted per account
 * and client address, and too many pause sign-in for that pair only. The person
 * whose account is attacked still signs in from their own office; an unknown
 * account is answered exactly like a known one, pause included.
 */
export async function authenticateUser(db: Database, attempt: SignInAttempt, policy: LoginPolicy) {
  const { email, address } = attempt;
  const now = new Date();
  const [throttle] = await db
    .select({ blockedUntil: schema.signInThrottles.blockedUntil })
    .from(schema.signInThrottles)
    .where(
      and(eq(schema.signInThrottles.email, email), eq(schema.signInThrottles.address, address)),
    );
  if (throttle?.blockedUntil && throttle.blockedUntil > now) throw paused(throttle.blockedUntil);

  const [user] = await db
    .select()
    .from(schema.users)
    .where(eq(sql`lower(${schema.users.email})`, email));
  const passwordHash = user?.passwordHash ?? (await timingDummyHash());
  if (!(await verifyPassword(passwordHash, attempt.password)) || !user) {
    await countFailure(db, attempt, policy, now);
    throw invalidCredentials();
  }
  if (user.disabledAt) {
    throw new AppError(403, "account_disabled", "This account is disabled; ask your coordinator");
  }
  if (policy.refuseDemoPasswords && isDemoPassword(attempt.password)) {
    throw forbidden("password_public", "Demo passwords are not accepted in production");
  }
  if (user.totpSecret !== null) {
    if (attempt.code === undefined) {
      throw new AppError(401, "unauthenticated", "Enter the code from your authenticator app", {
        reason: "second_factor_required",
      });
    }
    const secret = { id: user.id, totpSecret: user.totpSecret };
    const accepted = isRecoveryCode(attempt.code)
      ? await useRecoveryCode(db, user.id, attempt.code)
      : await acceptTotp(db, secret, attempt.code);
    if (!accepted) {
      // Six digits are guessed faster than a password: every wrong code counts.
      await countFailure(db, attempt, policy, now);
      throw new AppError(401, "invalid_credentials", "The code is wrong or was used already", {
        reason: "second_factor_invalid",
      });
    }
  }
  if (throttle) {
    await db
      .delete(schema.signInThrottles)
      .where(
        and(eq(schema.signInThrottles.email, email), eq(schema.signInThrottles.address, address)),
      );
  }
  return user;
}

/**
 * One statement per pair, so failures arriving at the same time each count: reading
 * the count first and writing it back would let parallel guesses past the pause.
 */
async function countFailure(db: Database, attempt: SignInAttempt, policy: LoginPolicy, now: Date) {
  const throttles = schema.signInThrottles;
  const pausedUntil = new Date(now.getTime() + policy.lockMinutes * 60_000);
  const reachesPause = sql`${throttles.failures} + 1 >= ${policy.failuresBeforeLock}`;
  const [row] = await db
    .insert(throttles)
    .values({
      email: attempt.email,
      address: attempt.address,
      failures: policy.failuresBeforeLock <= 1 ? 0 : 1,
      blockedUntil: policy.failuresBeforeLock <= 1 ? pausedUntil : null,
      updatedAt: now,
    })
    .onConflictDoUpdate({
      target: [throttles.email, throttles.address],
      set: {
        failures: sql`case when ${reachesPause} then 0 else ${throttles.failures} + 1 end`,
        blockedUntil: sql`case when ${reachesPause} then ${pausedUntil.toISOString()}::timestamptz else ${throttles.blockedUntil} end`,
        updatedAt: now,
      },
    })
    .returning({ blockedUntil: throttles.blockedUntil });
  if (row?.blockedUntil && row.blockedUntil.getTime() === pausedUntil.getTime()) {
    // Shown to coordinators on the people page, with a way to lift it.
    await db
      .update(schema.users)
      .set({ lockedUntil: pausedUntil })
      .where(eq(sql`lower(${schema.users.email})`, attempt.email));
  }
  await db
    .delete(throttles)
    .where(lt(throttles.updatedAt, new Date(now.getTime() - FORGET_AFTER_MS)));
}
