import { createHmac } from "node:crypto";
import { safeEqual } from "../lib/tokens.ts";

/**
 * Short-lived bearer tokens for non-browser clients of one conference document:
 * `<userId>.<conferenceId>.<expiry ms>.<hmac>`. They carry no rights of their own;
 * the socket checks the user and the access rule again when it connects.
 */
export class CollabTokens {
  constructor(
    private readonly key: Buffer,
    readonly ttlMs = 60_000,
  ) {}

  issue(
    userId: string,
    conferenceId: string,
    now = Date.now(),
  ): { token: string; expiresAt: Date } {
    const expiresAt = now + this.ttlMs;
    const body = `${userId}.${conferenceId}.${expiresAt}`;
    return { token: `${body}.${this.sign(body)}`, expiresAt: new Date(expiresAt) };
  }

  /** The user the token was issued to, when it is genuine, unexpired and for this conference. */
  verify(token: string, conferenceId: string, now = Date.now()): string | null {
    const parts = token.split(".");
    if (parts.length !== 4) return null;
    const [userId, tokenConference, expiry, signature] = parts as [string, string, string, string];
    if (!safeEqual(signature, this.sign(`${userId}.${tokenConference}.${expiry}`))) return null;
    if (tokenConference !== conferenceId || !(Number(expiry) > now)) return null;
    return userId;
  }

  private sign(body: string): string {
    return createHmac("sha256", this.key).update(body).digest("base64url");
  }
}
