import { readAgenda, readGoals } from "@runder-tisch/conference-doc";
import { type Executor, schema } from "@runder-tisch/db";
import { and, asc, eq, ne } from "drizzle-orm";
import * as Y from "yjs";
import type { GoalAgreementFacts } from "../../domain/client-documents/build-goal-agreement.ts";
import { findNextReview } from "../../domain/minutes/find-next-review.ts";
import { berlinClock } from "../../lib/time.ts";

type ConferenceRow = typeof schema.conferences.$inferSelect;
type CaseRow = typeof schema.cases.$inferSelect;

/**
 * Goals from the conference document, actions agreed in the conference (not
 * the cancelled ones), the follow-up conference or else the Wiedervorlage of
 * the agenda, and the owning agency as the person's contact.
 */
export async function loadGoalAgreementFacts(
  db: Executor,
  conference: ConferenceRow,
  caseRow: CaseRow,
  documentState: Uint8Array,
): Promise<GoalAgreementFacts> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, documentState);
  const goals = readGoals(doc)
    .map((goal) => goal.text.trim())
    .filter(Boolean);
  const review = findNextReview(readAgenda(doc));
  doc.destroy();

  const actions = await db
    .select({
      title: schema.actions.title,
      agencyName: schema.agencies.name,
      dueDate: schema.actions.dueDate,
      status: schema.actions.status,
    })
    .from(schema.actions)
    .innerJoin(schema.agencies, eq(schema.agencies.id, schema.actions.responsibleAgencyId))
    .where(
      and(eq(schema.actions.conferenceId, conference.id), ne(schema.actions.status, "cancelled")),
    )
    .orderBy(asc(schema.actions.dueDate), asc(schema.actions.title));
  const [followUp] = await db
    .select({ scheduledAt: schema.conferences.scheduledAt })
    .from(schema.conferences)
    .where(
      and(
        eq(schema.conferences.followsConferenceId, conference.id),
        ne(schema.conferences.status, "cancelled"),
      ),
    );
  const [owner] = await db
    .select({ name: schema.agencies.name })
    .from(schema.agencies)
    .where(eq(schema.agencies.id, caseRow.ownerAgencyId));

  return {
    caseCode: caseRow.code,
    heldOn: berlinClock(conference.scheduledAt).day,
    goals,
    actions,
    nextOn: followUp ? berlinClock(followUp.scheduledAt).day : review,
    contactAgency: owner?.name ?? "",
  };
}
