import { createHmac } from "node:crypto";
import { safeEqual } from "../lib/tokens.ts";

/**
 * Short-lived bearer tokens for non-browser clients of one conference document:
 * `<userId>.<conferenceId>.<expiry ms>.<session>.<hmac>`, where session is the token
 * hash of the session that asked for it. They carry no rights of their own: the
 * socket checks the session, the user and the access rule again when it connects,
 * and a connection made with a token ends with that session.
 */
export interface TokenHolder {
  userId: string;
  sessionTokenHash: string;
}

export class CollabTokens {
  constructor(
    private readonly key: Buffer,
    readonly ttlMs = 60_000,
  ) {}

  issue(
    holder: TokenHolder,
    conferenceId: string,
    now = Date.now(),
  ): { token: string; expiresAt: Date } {
    const expiresAt = now + this.ttlMs;
    const body = `${holder.userId}.${conferenceId}.${expiresAt}.${holder.sessionTokenHash}`;
    return { token: `${body}.${this.sign(body)}`, expiresAt: new Date(expiresAt) };
  }

  /** Whom the token was issued to, when it is genuine, unexpired and for this conference. */
  verify(token: string, conferenceId: string, now = Date.now()): TokenHolder | null {
    const parts = token.split(".");
    if (parts.length !== 5) return null;
    const [userId, tokenConference, expiry, sessionTokenHash, signature] = parts as [
      string,
      string,
      string,
      string,
      string,
    ];
    const body = `${userId}.${tokenConference}.${expiry}.${sessionTokenHash}`;
    if (!safeEqual(signature, this.sign(body))) return null;
    if (tokenConference !== conferenceId || !(Number(expiry) > now)) return null;
    return { userId, sessionTokenHash };
  }

  private sign(body: string): string {
    return createHmac("sha256", this.key).update(body).digest("base64url");
  }
}
