import { randomBytes } from "node:crypto";
import type { TUserRole } from "@runder-tisch/contracts";
import { type Executor, schema } from "@runder-tisch/db";
import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import { Secret, TOTP } from "otpauth";
import QRCode from "qrcode";
import { sha256Hex } from "../lib/tokens.ts";

const ISSUER = "Runder Tisch";
const RECOVERY_CODE_COUNT = 10;
const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

const totpFor = (secret: string, label = "") =>
  new TOTP({ issuer: ISSUER, label, secret: Secret.fromBase32(secret) });

/** A new secret for the person's authenticator app, with its URI and QR code. */
export async function newTotpSecret(accountLabel: string) {
  const secret = new Secret({ size: 20 }).base32;
  const uri = totpFor(secret, accountLabel).toString();
  const qrSvg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return { secret, uri, qrSvg };
}

/**
 * The time step a code belongs to (one step of clock drift either way), or null. The
 * caller must refuse a step at or before the last one accepted: a code is good once.
 */
export function totpStep(secret: string, code: string, now = Date.now()): number | null {
  const delta = totpFor(secret).validate({ token: code, timestamp: now, window: 1 });
  if (delta === null) return null;
  return TOTP.counter({ timestamp: now }) + delta;
}

/**
 * Accepts a code for the account's secret and records its step in the same statement, so
 * the same code sent twice (or by two nodes at once) is accepted only the first time.
 */
export async function acceptTotp(
  db: Executor,
  user: { id: string; totpSecret: string },
  code: string,
): Promise<boolean> {
  const step = totpStep(user.totpSecret, code);
  if (step === null) return false;
  const accepted = await db
    .update(schema.users)
    .set({ totpLastStep: step })
    .where(
      and(
        eq(schema.users.id, user.id),
        or(isNull(schema.users.totpLastStep), lt(schema.users.totpLastStep, step)),
      ),
    )
    .returning({ id: schema.users.id });
  return accepted.length === 1;
}

const recoveryCode = () => {
  const bytes = randomBytes(12);
  const letters = [...bytes].map((byte) => RECOVERY_ALPHABET[byte % RECOVERY_ALPHABET.length]);
  return [0, 4, 8].map((start) => letters.slice(start, start + 4).join("")).join("-");
};

/** New recovery codes, replacing any earlier ones; only their hashes are kept. */
export async function replaceRecoveryCodes(db: Executor, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, recoveryCode);
  await db.delete(schema.recoveryCodes).where(eq(schema.recoveryCodes.userId, userId));
  await db
    .insert(schema.recoveryCodes)
    .values(codes.map((code) => ({ userId, codeHash: sha256Hex(code) })));
  return codes;
}

/** Uses up one recovery code; false if it is unknown or used already. */
export async function useRecoveryCode(db: Executor, userId: string, code: string) {
  const used = await db
    .update(schema.recoveryCodes)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(schema.recoveryCodes.userId, userId),
        eq(schema.recoveryCodes.codeHash, sha256Hex(code)),
        isNull(schema.recoveryCodes.usedAt),
      ),
    )
    .returning({ userId: schema.recoveryCodes.userId });
  return used.length === 1;
}

export const isRecoveryCode = (code: string) => code.includes("-");

/**
 * A password session whose role the deployment protects with a second factor, for an
 * account without one: it may only set one up. A provider's sessions are the provider's
 * business (it runs its own second factor).
 */
export function secondFactorSetupRequired(
  requiredFor: readonly TUserRole[],
  session: { actor: { role: TUserRole }; signInProvider: string | null; secondFactor: boolean },
): boolean {
  return (
    session.signInProvider === null &&
    !session.secondFactor &&
    requiredFor.includes(session.actor.role)
  );
}
