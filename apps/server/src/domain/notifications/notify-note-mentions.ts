import type { NoteMention } from "@runder-tisch/conference-doc";
import { type Database, schema } from "@runder-tisch/db";
import { eq } from "drizzle-orm";
import { peopleWhoSeeCase } from "../actions/check-mentions.ts";
import { createNotifications } from "./create-notifications.ts";

/**
 * Tells the people mentioned (@) in a conference's notes. The notes are a live document
 * that nobody can refuse a node in, so a mention of someone who may not read the case is
 * not an error: that person is simply not told. A mention carries its node's id in the
 * key, so an update sent again (after a reconnect, or to another node) tells nobody twice.
 */
export async function notifyNoteMentions(
  db: Database,
  input: { conferenceId: string; actorUserId: string; mentions: readonly NoteMention[] },
): Promise<string[]> {
  return db.transaction(async (tx) => {
    const [conference] = await tx
      .select({ caseId: schema.conferences.caseId })
      .from(schema.conferences)
      .where(eq(schema.conferences.id, input.conferenceId));
    if (!conference) return [];
    const seeing = new Set(
      await peopleWhoSeeCase(
        tx,
        conference.caseId,
        input.mentions.map((mention) => mention.userId),
      ),
    );
    const notified: string[] = [];
    for (const mention of input.mentions) {
      if (!seeing.has(mention.userId)) continue;
      const told = await createNotifications(tx, {
        kind: "mentioned",
        caseId: conference.caseId,
        conferenceId: input.conferenceId,
        recipientIds: [mention.userId],
        actorUserId: input.actorUserId,
        dedupeKey: `note_mentioned:${input.conferenceId}:${mention.key}`,
      });
      notified.push(...told);
    }
    return notified;
  });
}
