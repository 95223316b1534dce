import { type Executor, schema } from "@runder-tisch/db";
import { eq, sql } from "drizzle-orm";
import { conflict, unprocessable } from "../../errors.ts";
import type { ConferenceRow } from "../../policies/conference-access.ts";

/**
 * Puts `title` at the end of the planned agenda of `target`, a later conference of the
 * same case that has not begun. The room of `target` takes the item into its document
 * when an editor opens it (or at once, if one has it open and reloads the conference).
 */
export async function carryAgendaItem(
  db: Executor,
  source: ConferenceRow,
  target: ConferenceRow,
  title: string,
): Promise<schema.AgendaItemRow> {
  if (target.caseId !== source.caseId) {
    throw unprocessable(
      "conference_of_other_case",
      "An agenda item can only go to a conference of the same case",
    );
  }
  if (target.id === source.id || target.scheduledAt <= source.scheduledAt) {
    throw unprocessable("not_later", "Choose a conference after this one");
  }
  return db.transaction(async (tx) => {
    // The row lock keeps two carries from taking the same position and a start from slipping in.
    const [current] = await tx
      .select({ status: schema.conferences.status })
      .from(schema.conferences)
      .where(eq(schema.conferences.id, target.id))
      .for("update");
    if (current?.status !== "planned") {
      throw conflict("conference_already_begun", "That conference has already begun");
    }
    const [last] = await tx
      .select({ position: sql<number>`coalesce(max(${schema.agendaItems.position}), -1)` })
      .from(schema.agendaItems)
      .where(eq(schema.agendaItems.conferenceId, target.id));
    const [item] = await tx
      .insert(schema.agendaItems)
      .values({ conferenceId: target.id, position: Number(last?.position ?? -1) + 1, title })
      .returning();
    if (!item) throw new Error("agenda item insert returned nothing");
    return item;
  });
}
