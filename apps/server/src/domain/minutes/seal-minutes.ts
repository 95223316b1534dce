import type { TMinutesContent } from "@runder-tisch/contracts";
import { schema, type Transaction } from "@runder-tisch/db";
import { eq, sql } from "drizzle-orm";
import type * as Y from "yjs";
import { todayInBerlin } from "../../lib/time.ts";
import type { Actor } from "../../policies/actor.ts";
import type { CaseRow } from "../../policies/case-access.ts";
import type { ConferenceRow } from "../../policies/conference-access.ts";
import { scheduleFollowUp } from "../conferences/schedule-follow-up.ts";
import { buildMinutesContent, type MinutesInput } from "./build-minutes-content.ts";
import { hashMinutesContent } from "./canonical-json.ts";
import { storeObstacles } from "./store-obstacles.ts";

export interface SealedMinutes {
  conference: ConferenceRow;
  minutes: schema.MinutesVersionRow;
  content: TMinutesContent;
  /** The Wiedervorlage conference planned with it, if the minutes name a later review day. */
  followUp: ConferenceRow | null;
}

/**
 * The storing step of finalising, inside the caller's transaction: the minutes' content
 * from the frozen document, its hash, the conference marked finalised, its obstacles
 * counted, the Wiedervorlage planned. The caller has locked the conference and checked
 * the document's text; the demo Kreis seeds its history through this same step.
 */
export async function sealMinutes(
  tx: Transaction,
  subject: { actor: Actor; conference: ConferenceRow; caseRow: CaseRow; doc: Y.Doc },
  options: Pick<MinutesInput, "nextReviewOn" | "override">,
  now: Date,
): Promise<SealedMinutes> {
  const { conference: locked, caseRow, actor } = subject;
  const content = await buildMinutesContent(tx, {
    conference: locked,
    caseRow,
    doc: subject.doc,
    actor,
    finalisedAt: now,
    nextReviewOn: options.nextReviewOn,
    override: options.override,
  });
  const [previous] = await tx
    .select({ count: sql<number>`count(*)`.mapWith(Number) })
    .from(schema.minutesVersions)
    .where(eq(schema.minutesVersions.conferenceId, locked.id));
  const [minutes] = await tx
    .insert(schema.minutesVersions)
    .values({
      conferenceId: locked.id,
      caseId: caseRow.id,
      version: (previous?.count ?? 0) + 1,
      content,
      contentHash: hashMinutesContent(content),
      overrideReason: options.override?.reason ?? null,
      finalisedBy: actor.userId,
      finalisedByAgencyId: actor.agencyId,
      finalisedAt: now,
    })
    .returning();
  const [conference] = await tx
    .update(schema.conferences)
    .set({ status: "finalised", finalisedAt: now })
    .where(eq(schema.conferences.id, locked.id))
    .returning();
  if (!minutes || !conference) throw new Error("finalising wrote nothing");
  await storeObstacles(tx, content, now);
  const followUp = content.nextReviewOn
    ? await scheduleFollowUp(tx, actor, locked, content.nextReviewOn, todayInBerlin(now))
    : null;
  return { conference, minutes, content, followUp };
}
