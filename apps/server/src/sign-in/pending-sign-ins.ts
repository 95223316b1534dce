import { type Executor, schema } from "@runder-tisch/db";
import { and, eq, gt, lt } from "drizzle-orm";
import { sha256Hex } from "../lib/tokens.ts";

/** Long enough to type a password and a second factor at the provider. */
const PENDING_FOR_MS = 10 * 60_000;

export interface PendingSignIn {
  providerId: string;
  codeVerifier: string;
  nonce: string;
  returnTo: string;
}

/** Remembers a sign-in sent to a provider; expired ones are cleared as new ones begin. */
export async function rememberSignIn(
  db: Executor,
  state: string,
  browserSecret: string,
  pending: PendingSignIn,
  now = new Date(),
): Promise<void> {
  await db.delete(schema.pendingSignIns).where(lt(schema.pendingSignIns.expiresAt, now));
  await db.insert(schema.pendingSignIns).values({
    stateHash: sha256Hex(state),
    browserHash: sha256Hex(browserSecret),
    expiresAt: new Date(now.getTime() + PENDING_FOR_MS),
    ...pending,
  });
}

/**
 * Takes the sign-in a provider's answer belongs to, once: the row is deleted in the same
 * statement, so a replayed answer (or two racing nodes) finds nothing. It must come back
 * to the browser that began it, within its time, and for the provider it went to.
 */
export async function takeSignIn(
  db: Executor,
  providerId: string,
  state: string,
  browserSecret: string | undefined,
  now = new Date(),
): Promise<PendingSignIn | undefined> {
  const pending = schema.pendingSignIns;
  const [row] = await db
    .delete(pending)
    .where(and(eq(pending.stateHash, sha256Hex(state)), gt(pending.expiresAt, now)))
    .returning();
  if (!row || row.providerId !== providerId) return undefined;
  if (!browserSecret || row.browserHash !== sha256Hex(browserSecret)) return undefined;
  return {
    providerId: row.providerId,
    codeVerifier: row.codeVerifier,
    nonce: row.nonce,
    returnTo: row.returnTo,
  };
}
