import { type Database, schema } from "@runder-tisch/db";
import { eq } from "drizzle-orm";
import { recordAudit } from "../../audit/audit-trail.ts";
import { AppError } from "../../errors.ts";
import { type Actor, actorFrom } from "../../policies/actor.ts";
import {
  createSession,
  type IssuedSession,
  type SessionPolicy,
} from "../../sessions/session-store.ts";

/**
 * Opens a session for a user whose password (or provider) was checked, unless their agency is
 * switched off; the session and its audit row are written together.
 */
export async function startSession(
  db: Database,
  user: schema.UserRow,
  policy: SessionPolicy,
  requestId: string,
  signInProvider: string | null = null,
): Promise<{ actor: Actor; session: IssuedSession }> {
  const [agency] = await db
    .select()
    .from(schema.agencies)
    .where(eq(schema.agencies.id, user.agencyId));
  if (!agency?.active) {
    throw new AppError(403, "account_disabled", "Your agency's access is switched off", {
      reason: "agency_switched_off",
    });
  }
  const session = await db.transaction(async (tx) => {
    const issued = await createSession(tx, user.id, policy, signInProvider);
    await recordAudit(tx, {
      action: "login",
      targetType: "session",
      userId: user.id,
      agencyId: agency.id,
      requestId,
      ...(signInProvider ? { detail: { provider: signInProvider } } : {}),
    });
    return issued;
  });
  return { actor: actorFrom(user, agency), session };
}
