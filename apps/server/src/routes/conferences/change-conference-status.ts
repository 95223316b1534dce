import type { TConferenceStatus } from "@runder-tisch/contracts";
import { type Executor, schema } from "@runder-tisch/db";
import { and, eq, sql } from "drizzle-orm";
import { conflict, invalidTransition } from "../../errors.ts";
import { cancelledConflict } from "../../guards/require-conference-access.ts";
import {
  type ConferenceRow,
  canTransitionConference,
  isConferenceCancelled,
} from "../../policies/conference-access.ts";

const STAMP_OF: Record<TConferenceStatus, "startedAt" | "concludedAt" | "finalisedAt" | null> = {
  planned: null,
  live: "startedAt",
  concluded: "concludedAt",
  finalised: "finalisedAt",
  cancelled: null,
};

/**
 * Moves a conference one step forward and stamps when that happened. Calling it off
 * counts the invitation's SEQUENCE up, so calendars drop the entry they hold.
 */
export async function changeConferenceStatus(
  db: Executor,
  conference: ConferenceRow,
  to: TConferenceStatus,
  now: Date = new Date(),
): Promise<ConferenceRow> {
  // Finalising freezes the document and stores the minutes; only that route does it.
  if (to === "finalised") {
    throw conflict(
      "finalise_through_minutes",
      `Finalise with POST /api/conferences/${conference.id}/finalise; it stores the minutes`,
      { use: `/api/conferences/${conference.id}/finalise` },
    );
  }
  if (isConferenceCancelled(conference)) throw cancelledConflict();
  if (!canTransitionConference(conference.status, to)) {
    throw invalidTransition(
      "status_transition_not_allowed",
      `A ${conference.status} conference cannot become ${to}`,
    );
  }
  const stamp = STAMP_OF[to];
  // Conditional on the status we checked, so two racing requests cannot both advance it.
  const [updated] = await db
    .update(schema.conferences)
    .set({
      status: to,
      ...(stamp ? { [stamp]: now } : {}),
      ...(to === "cancelled"
        ? { calendarSequence: sql`${schema.conferences.calendarSequence} + 1` }
        : {}),
    })
    .where(
      and(
        eq(schema.conferences.id, conference.id),
        eq(schema.conferences.status, conference.status),
      ),
    )
    .returning();
  if (!updated) {
    throw invalidTransition(
      "status_changed_meanwhile",
      "The conference status changed meanwhile; reload it",
    );
  }
  return updated;
}
