import { type Executor, schema } from "@runder-tisch/db";
import { and, eq, gt, inArray, isNull } from "drizzle-orm";
import { randomToken, sha256Hex } from "../lib/tokens.ts";
import { type Actor, actorFrom } from "../policies/actor.ts";

export interface SessionPolicy {
  idleMinutes: number;
  maxHours: number;
}

export interface IssuedSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function createSession(
  db: Executor,
  userId: string,
  policy: SessionPolicy,
  signInProvider: string | null = null,
): Promise<IssuedSession> {
  const token = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(Date.now() + policy.maxHours * 3_600_000);
  await db
    .insert(schema.sessions)
    .values({ tokenHash: sha256Hex(token), userId, csrfToken, expiresAt, signInProvider });
  return { token, csrfToken, expiresAt };
}

export type SessionLookup =
  | {
      state: "valid";
      actor: Actor;
      csrfToken: string;
      tokenHash: string;
      expiresAt: Date;
      /** The identity provider that signed this session in; null for a password. */
      signInProvider: string | null;
      /** The account has a second factor for password sign-in. */
      secondFactor: boolean;
      /** The account has a password here (not only an identity provider's sign-in). */
      hasPassword: boolean;
    }
  | { state: "expired" }
  | { state: "missing" };

/** Resolves a cookie token to its user; idle, revoked, expired or disabled all count as expired. */
export async function findSession(
  db: Executor,
  token: string,
  policy: SessionPolicy,
  now = new Date(),
): Promise<SessionLookup> {
  const tokenHash = sha256Hex(token);
  const [row] = await db
    .select({
      session: schema.sessions,
      user: schema.users,
      agency: schema.agencies,
    })
    .from(schema.sessions)
    .innerJoin(schema.users, eq(schema.users.id, schema.sessions.userId))
    .innerJoin(schema.agencies, eq(schema.agencies.id, schema.users.agencyId))
    .where(eq(schema.sessions.tokenHash, tokenHash));
  if (!row) return { state: "missing" };
  const idleLimit = new Date(now.getTime() - policy.idleMinutes * 60_000);
  const usable =
    row.session.revokedAt === null &&
    row.session.expiresAt > now &&
    row.session.lastSeenAt > idleLimit &&
    row.user.disabledAt === null &&
    row.agency.active;
  if (!usable) return { state: "expired" };
  // Writing on every request would serialise reads; a minute's precision is plenty for idling.
  if (now.getTime() - row.session.lastSeenAt.getTime() > 60_000) {
    await db
      .update(schema.sessions)
      .set({ lastSeenAt: now })
      .where(eq(schema.sessions.tokenHash, tokenHash));
  }
  return {
    state: "valid",
    tokenHash,
    csrfToken: row.session.csrfToken,
    expiresAt: row.session.expiresAt,
    actor: actorFrom(row.user, row.agency),
    signInProvider: row.session.signInProvider,
    secondFactor: row.user.totpSecret !== null,
    hasPassword: row.user.passwordHash !== null,
  };
}

export async function revokeSession(db: Executor, tokenHash: string) {
  await db
    .update(schema.sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(schema.sessions.tokenHash, tokenHash), isNull(schema.sessions.revokedAt)));
}

/** Ends every live session of a user, e.g. when the account is disabled. Returns how many. */
export async function revokeUserSessions(db: Executor, userId: string): Promise<number> {
  const revoked = await db
    .update(schema.sessions)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(schema.sessions.userId, userId),
        isNull(schema.sessions.revokedAt),
        gt(schema.sessions.expiresAt, new Date()),
      ),
    )
    .returning({ tokenHash: schema.sessions.tokenHash });
  return revoked.length;
}

/**
 * Which of these sessions (by token hash) have ended: signed out, revoked, past their
 * maximum age, their person disabled or their agency switched off. Idling is not
 * counted: a conference room open for hours keeps its socket without HTTP requests.
 */
export async function findEndedSessions(
  db: Executor,
  tokenHashes: readonly string[],
  now = new Date(),
): Promise<Set<string>> {
  if (tokenHashes.length === 0) return new Set();
  const live = await db
    .select({ tokenHash: schema.sessions.tokenHash })
    .from(schema.sessions)
    .innerJoin(schema.users, eq(schema.users.id, schema.sessions.userId))
    .innerJoin(schema.agencies, eq(schema.agencies.id, schema.users.agencyId))
    .where(
      and(
        inArray(schema.sessions.tokenHash, [...tokenHashes]),
        isNull(schema.sessions.revokedAt),
        gt(schema.sessions.expiresAt, now),
        isNull(schema.users.disabledAt),
        eq(schema.agencies.active, true),
      ),
    );
  const stillLive = new Set(live.map((row) => row.tokenHash));
  return new Set(tokenHashes.filter((hash) => !stillLive.has(hash)));
}
