import { randomUUID } from "node:crypto";
import { schema, type Transaction } from "@runder-tisch/db";
import { asc, eq } from "drizzle-orm";
import * as Y from "yjs";
import { sealMinutes } from "../domain/minutes/seal-minutes.ts";
import { addDays, todayInBerlin } from "../lib/time.ts";
import type { CaseRow } from "../policies/case-access.ts";
import type { ConferenceRow } from "../policies/conference-access.ts";
import { buildDemoDocument } from "./build-demo-document.ts";
import { workingDayFrom } from "./demo-calendar.ts";
import type { DemoDirectory } from "./demo-directory.ts";
import type { DemoHistoryCase, DemoMeeting, DemoMeetingAction } from "./demo-history.ts";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface MeetingContext {
  tx: Transaction;
  directory: DemoDirectory;
  demoCase: DemoHistoryCase;
  caseRow: CaseRow;
  now: Date;
}

/** A meeting with the instant it was held at. */
export interface HeldMeeting {
  meeting: DemoMeeting;
  at: Date;
}

/** An action agreed in a meeting, as stored, for the review at the next one. */
export interface AgreedAction {
  id: string;
  demo: DemoMeetingAction;
}

/**
 * One meeting of a demo case, held and finalised the way the product does it: the
 * conference concluded, who attended, the reviews of the last meeting's actions, the
 * actions agreed (with what became of them since), the document as the room left it,
 * and the minutes sealed by the owning agency's coordinator. Returns the Wiedervorlage
 * the minutes planned and the actions, for the next meeting.
 */
export async function seedDemoMeeting(
  ctx: MeetingContext,
  conference: ConferenceRow,
  held: HeldMeeting,
  next: HeldMeeting | null,
  carried: readonly AgreedAction[],
): Promise<{ followUp: ConferenceRow | null; agreed: AgreedAction[] }> {
  const { tx, directory, demoCase, caseRow } = ctx;
  const owner = directory.member(demoCase.owner);
  const concludedAt = new Date(held.at.getTime() + HOUR);
  const [concluded] = await tx
    .update(schema.conferences)
    .set({ status: "concluded", startedAt: held.at, concludedAt })
    .where(eq(schema.conferences.id, conference.id))
    .returning();
  if (!concluded) throw new Error("demo conference vanished");
  const attending = [demoCase.owner, ...(demoCase.meetings[0]?.invited ?? [])];
  await tx.insert(schema.conferenceAttendance).values(
    attending.map((slug) => ({
      conferenceId: conference.id,
      userId: directory.member(slug).id,
      agencyId: directory.agencyId(slug),
      kind: "present" as const,
      confidentialityConfirmed: true,
      recordedAt: held.at,
    })),
  );
  if (carried.length > 0) await reviewCarried(ctx, conference.id, held.at, carried);
  const agreed = await agreeActions(ctx, conference.id, held, next);
  const meetingDay = todayInBerlin(held.at);
  const reviewOn = next
    ? todayInBerlin(next.at)
    : held.meeting.reviewInWeeks
      ? workingDayFrom(addDays(meetingDay, held.meeting.reviewInWeeks * 7))
      : null;
  const agenda = await tx
    .select({
      id: schema.agendaItems.id,
      kind: schema.agendaItems.kind,
      title: schema.agendaItems.title,
    })
    .from(schema.agendaItems)
    .where(eq(schema.agendaItems.conferenceId, conference.id))
    .orderBy(asc(schema.agendaItems.position));
  const doc = buildDemoDocument(held.meeting, {
    agenda,
    reviewOn,
    actions: agreed.map((action) => ({
      id: action.id,
      responsibleAgencyId: directory.agencyId(action.demo.responsible),
      dueDate: addDays(meetingDay, action.demo.dueInWeeks * 7),
    })),
  });
  // Stored as one update of the owner's, as if typed in the room, so the room can open it.
  const update = Y.encodeStateAsUpdate(doc);
  await tx.insert(schema.documentUpdates).values({
    documentId: conference.id,
    seq: 1,
    data: update,
    size: update.byteLength,
    userId: owner.id,
    agencyId: directory.agencyId(demoCase.owner),
    at: held.at,
  });
  const { followUp } = await sealMinutes(
    tx,
    { actor: directory.coordinatorActor(demoCase.owner), conference: concluded, caseRow, doc },
    { override: null },
    new Date(concludedAt.getTime() + 2 * HOUR),
  );
  return { followUp, agreed };
}

/** When an agreed action reached where it stands today: before the next meeting and before now. */
function changedAt(
  action: DemoMeetingAction,
  held: HeldMeeting,
  next: HeldMeeting | null,
  now: Date,
): Date {
  const limit = Math.min(next ? next.at.getTime() : now.getTime(), now.getTime()) - DAY;
  const wanted =
    action.outcome === "done"
      ? held.at.getTime() + (action.dueInWeeks * 7 - 2) * DAY
      : held.at.getTime() + 3 * DAY;
  return new Date(Math.max(held.at.getTime() + HOUR, Math.min(wanted, limit)));
}

/** What became of an agreed action: its status today and when it got there. */
function stateOf(
  demo: DemoMeetingAction,
  held: HeldMeeting,
  next: HeldMeeting | null,
  now: Date,
): { status: "open" | "in_progress" | "done" | "cancelled"; changed: Date | null } {
  switch (demo.outcome) {
    case "open":
      return { status: "open", changed: null };
    // Found at the next meeting's review, which cancels the action.
    case "not_possible":
      return { status: "cancelled", changed: next ? next.at : changedAt(demo, held, next, now) };
    default:
      return { status: demo.outcome, changed: changedAt(demo, held, next, now) };
  }
}

async function agreeActions(
  ctx: MeetingContext,
  conferenceId: string,
  held: HeldMeeting,
  next: HeldMeeting | null,
): Promise<AgreedAction[]> {
  const { tx, directory, demoCase, caseRow } = ctx;
  if (held.meeting.actions.length === 0) return [];
  const owner = directory.member(demoCase.owner);
  const ownerAgencyId = directory.agencyId(demoCase.owner);
  const meetingDay = todayInBerlin(held.at);
  const planned = held.meeting.actions.map((demo) => ({
    demo,
    id: randomUUID(),
    responsibleAgencyId: directory.agencyId(demo.responsible),
    responsibleId: directory.member(demo.responsible).id,
    ...stateOf(demo, held, next, ctx.now),
  }));
  await tx.insert(schema.actions).values(
    planned.map((action) => ({
      id: action.id,
      caseId: caseRow.id,
      conferenceId,
      title: action.demo.title,
      responsibleAgencyId: action.responsibleAgencyId,
      responsibleUserId: null,
      dueDate: addDays(meetingDay, action.demo.dueInWeeks * 7),
      status: action.status,
      statusChangedAt: action.changed,
      statusChangedBy: action.changed ? action.responsibleId : null,
      version: action.changed ? 2 : 1,
      createdBy: owner.id,
      createdAt: held.at,
    })),
  );
  const events = planned.flatMap((action): (typeof schema.actionEvents.$inferInsert)[] => [
    {
      actionId: action.id,
      actorId: owner.id,
      agencyId: ownerAgencyId,
      kind: "created" as const,
      changes: {
        title: { from: null, to: action.demo.title },
        responsibleAgencyId: { from: null, to: action.responsibleAgencyId },
      },
      createdAt: held.at,
    },
    ...(action.changed
      ? [
          {
            actionId: action.id,
            actorId: action.responsibleId,
            agencyId: action.responsibleAgencyId,
            kind: "changed" as const,
            changes: { status: { from: "open", to: action.status } },
            createdAt: action.changed,
          },
        ]
      : []),
  ]);
  await tx.insert(schema.actionEvents).values(events);
  return planned.map(({ id, demo }) => ({ id, demo }));
}

const REVIEW_OUTCOMES = {
  done: "done",
  in_progress: "in_progress",
  open: "not_done",
  not_possible: "not_possible",
} as const;

/** The last meeting's actions, reviewed by their agencies at this one (as the room records it). */
async function reviewCarried(
  ctx: MeetingContext,
  conferenceId: string,
  at: Date,
  carried: readonly AgreedAction[],
): Promise<void> {
  const { tx, directory } = ctx;
  const newDueDate = addDays(todayInBerlin(at), 28);
  await tx.insert(schema.actionReviews).values(
    carried.map(({ id, demo }) => ({
      conferenceId,
      actionId: id,
      outcome: REVIEW_OUTCOMES[demo.outcome],
      note: demo.reviewNote ?? "",
      newDueDate: demo.outcome === "in_progress" ? newDueDate : null,
      reviewedBy: directory.member(demo.responsible).id,
      agencyId: directory.agencyId(demo.responsible),
      reviewedAt: at,
    })),
  );
  // "In progress" comes with a new due day, as the review form asks for one.
  for (const { id, demo } of carried) {
    if (demo.outcome !== "in_progress") continue;
    await tx.update(schema.actions).set({ dueDate: newDueDate }).where(eq(schema.actions.id, id));
  }
}
