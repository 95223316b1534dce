import { type Database, schema, type Transaction } from "@runder-tisch/db";
import { DEMO_DOMAIN, type DemoCase, type SeedOptions, seedDemoCases } from "@runder-tisch/db/seed";
import { inArray } from "drizzle-orm";
import { createConference } from "../domain/conferences/create-conference.ts";
import { addDays, berlinInstant, todayInBerlin } from "../lib/time.ts";
import type { ConferenceRow } from "../policies/conference-access.ts";
import { heldAt, workingDayFrom } from "./demo-calendar.ts";
import { type DemoDirectory, loadDemoDirectory } from "./demo-directory.ts";
import type { DemoHistoryCase } from "./demo-history.ts";
import { DEMO_HISTORY_CASES, DEMO_STEERING_LOGINS } from "./demo-history-cases.ts";
import {
  type AgreedAction,
  type HeldMeeting,
  type MeetingContext,
  seedDemoMeeting,
} from "./seed-demo-meeting.ts";

const DAY = 86_400_000;

/**
 * Gives the seeded demo Kreis a history like Kreis Lippe's: 25 more cases, 18 conferences
 * held with finalised minutes over the last eight months, planned conferences ahead, and
 * two people in the steering group. Runs after the database package's seedDemo; does
 * nothing when the history is there already or the database holds no demo Kreis, so a
 * restart costs one query. Returns whether it wrote anything.
 */
export async function seedDemoHistory(db: Database, options: SeedOptions): Promise<boolean> {
  const now = options.now ?? new Date();
  return db.transaction(async (tx) => {
    const codes = DEMO_HISTORY_CASES.map((demoCase) => demoCase.code);
    const present = await tx
      .select({ id: schema.cases.id })
      .from(schema.cases)
      .where(inArray(schema.cases.code, codes))
      .limit(1);
    if (present.length > 0) return false;
    const directory = await loadDemoDirectory(tx);
    if (!directory) return false;
    const today = todayInBerlin(now);
    const caseIds = await seedDemoCases(
      tx,
      DEMO_HISTORY_CASES.map((demoCase) => asDemoCase(demoCase, today, now)),
      { ...options, now },
    );
    const caseRows = await tx
      .select()
      .from(schema.cases)
      .where(inArray(schema.cases.id, [...caseIds.values()]));
    for (const demoCase of DEMO_HISTORY_CASES) {
      const caseRow = caseRows.find((row) => row.code === demoCase.code);
      if (!caseRow) throw new Error(`demo case ${demoCase.code} missing`);
      const ctx = { tx, directory, demoCase, caseRow, now };
      if (demoCase.meetings.length > 0) await holdMeetings(ctx, today);
      if (demoCase.plannedConference) await planFirstConference(ctx, today);
    }
    await nameSteeringGroup(tx, directory);
    return true;
  });
}

/** The case as the database package seeds it: opened three weeks before its first meeting. */
function asDemoCase(demoCase: DemoHistoryCase, today: string, now: Date): DemoCase {
  const { meetings, plannedConference: _planned, ...rest } = demoCase;
  const first = meetings[0];
  const openedDaysAgo = first
    ? Math.round((now.getTime() - heldAt(first, today).getTime()) / DAY) + 21
    : 30;
  return { ...rest, openedDaysAgo };
}

async function holdMeetings(ctx: MeetingContext, today: string): Promise<void> {
  const { demoCase, directory } = ctx;
  const held: HeldMeeting[] = demoCase.meetings.map((meeting) => ({
    meeting,
    at: heldAt(meeting, today),
  }));
  const [first] = held;
  if (!first) return;
  let conference: ConferenceRow | null = await createConference(
    ctx.tx,
    { userId: directory.member(demoCase.owner).id },
    ctx.caseRow.id,
    {
      title: "Fallkonferenz",
      scheduledAt: first.at.toISOString(),
      participants: first.meeting.invited.map((slug) => ({
        agencyId: directory.agencyId(slug),
        role: "editor" as const,
      })),
    },
  );
  let carried: AgreedAction[] = [];
  for (const [index, meeting] of held.entries()) {
    // A later meeting is the Wiedervorlage the previous minutes planned.
    if (!conference) throw new Error(`demo case ${demoCase.code}: no Wiedervorlage planned`);
    const result = await seedDemoMeeting(
      ctx,
      conference,
      meeting,
      held[index + 1] ?? null,
      carried,
    );
    conference = result.followUp;
    carried = result.agreed;
  }
}

async function planFirstConference(ctx: MeetingContext, today: string): Promise<void> {
  const { demoCase, directory } = ctx;
  const planned = demoCase.plannedConference;
  if (!planned) return;
  await createConference(ctx.tx, { userId: directory.member(demoCase.owner).id }, ctx.caseRow.id, {
    title: "Fallkonferenz",
    scheduledAt: berlinInstant(
      workingDayFrom(addDays(today, planned.inDays)),
      planned.hour,
      0,
    ).toISOString(),
    participants: planned.invited.map((slug) => ({
      agencyId: directory.agencyId(slug),
      role: "editor" as const,
    })),
  });
}

async function nameSteeringGroup(tx: Transaction, directory: DemoDirectory): Promise<void> {
  const admin = directory.person(`admin@${DEMO_DOMAIN}`);
  const members = DEMO_STEERING_LOGINS.flatMap((email) => {
    const person = directory.person(email);
    return person ? [{ userId: person.id, addedBy: admin?.id ?? null }] : [];
  });
  if (members.length > 0) {
    await tx.insert(schema.steeringGroupMembers).values(members).onConflictDoNothing();
  }
}
