import { randomUUID } from "node:crypto";
import { schema } from "@runder-tisch/db";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import {
  buildConferenceScenario,
  buildMember,
  buildPartner,
  buildSharedCase,
  factories,
  type Member,
} from "../../../test/builders.ts";
import { useTestApp } from "../../../test/test-app.ts";
import { dateInDays } from "../../../test/time.ts";
import type { DomainEvent } from "../../events/domain-events.ts";
import { scheduleJob } from "../../jobs/job-queue.ts";
import {
  BASIS_EXPIRING_JOB,
  MINUTES_AWAITED_JOB,
  NEEDS_OWNER_JOB,
  STARTING_SOON_JOB,
} from "./reminder-job.ts";

const ctx = useTestApp();
const MINUTE = 60_000;
const DAY = 86_400_000;

/** One run of the job now, as the hourly occurrence would run it; every due job runs. */
async function runJob(kind: string): Promise<void> {
  await scheduleJob(ctx.db, { kind, dedupeKey: `test:${kind}:${randomUUID()}` });
  for (let round = 0; round < 10; round++) {
    if ((await ctx.app.jobs.runDue()) === 0) return;
  }
  throw new Error("jobs kept coming");
}

/** Runs the job twice: a second node or the next hour must tell nobody again. */
async function runTwice(kind: string): Promise<void> {
  await runJob(kind);
  await runJob(kind);
}

const kindsOf = async (member: Member) =>
  (
    await ctx.db
      .select({ kind: schema.notifications.kind })
      .from(schema.notifications)
      .where(eq(schema.notifications.userId, member.user.id))
  ).map((row) => row.kind);

const coordinatorOf = (member: Member) =>
  buildMember(ctx, { agency: member.agency, role: "coordinator" });

describe("conference starting soon", () => {
  it("tells the invited agencies' members once, not the uninvited nor one that lost access", async () => {
    const { owner, partner, outsider, caseRow, conference } = await buildConferenceScenario(ctx, {
      conferenceValues: { scheduledAt: new Date(Date.now() + 30 * MINUTE) },
    });
    const colleague = await buildMember(ctx, { agency: partner.agency });
    const { member: revoked } = await buildPartner(
      ctx,
      { caseId: caseRow.id, recordedBy: owner.user.id },
      { revokedAt: new Date() },
    );
    await ctx.db
      .insert(schema.conferenceParticipants)
      .values({ conferenceId: conference.id, agencyId: revoked.agency.id });
    const later = await buildConferenceScenario(ctx, {
      conferenceValues: { scheduledAt: new Date(Date.now() + 2 * 60 * MINUTE) },
    });

    const events: DomainEvent[] = [];
    const stop = ctx.app.events.subscribe((event) => events.push(event));
    try {
      await runTwice(STARTING_SOON_JOB);
    } finally {
      stop();
    }

    for (const member of [partner, colleague]) {
      expect(await kindsOf(member)).toEqual(["conference_starting_soon"]);
    }
    for (const member of [owner, outsider, revoked, later.partner]) {
      expect(await kindsOf(member)).toEqual([]);
    }
    const announced = events.flatMap((event) =>
      event.kind === "notification.created" ? event.userIds : [],
    );
    expect(announced).toEqual(expect.arrayContaining([partner.user.id, colleague.user.id]));
    expect(announced).not.toContain(revoked.user.id);
  });

  it("tells again when the conference moved to a new start", async () => {
    const { partner, conference } = await buildConferenceScenario(ctx, {
      conferenceValues: { scheduledAt: new Date(Date.now() + 20 * MINUTE) },
    });
    await runJob(STARTING_SOON_JOB);
    await ctx.db
      .update(schema.conferences)
      .set({ scheduledAt: new Date(Date.now() + 40 * MINUTE) })
      .where(eq(schema.conferences.id, conference.id));
    await runTwice(STARTING_SOON_JOB);
    expect(await kindsOf(partner)).toEqual([
      "conference_starting_soon",
      "conference_starting_soon",
    ]);
  });
});

describe("minutes awaited", () => {
  it("tells the owner's coordinators once a day of a conference concluded over a day ago", async () => {
    const { owner, partner, conference } = await buildConferenceScenario(ctx, {
      conferenceValues: { status: "concluded", concludedAt: new Date(Date.now() - 2 * DAY) },
    });
    const coordinator = await coordinatorOf(owner);
    const recent = await buildConferenceScenario(ctx, {
      conferenceValues: {
        status: "concluded",
        concludedAt: new Date(Date.now() - 2 * 60 * MINUTE),
      },
    });
    const recentCoordinator = await coordinatorOf(recent.owner);
    const finalised = await buildConferenceScenario(ctx, {
      conferenceValues: {
        status: "finalised",
        concludedAt: new Date(Date.now() - 3 * DAY),
        finalisedAt: new Date(Date.now() - DAY),
      },
    });
    const finalisedCoordinator = await coordinatorOf(finalised.owner);

    await runTwice(MINUTES_AWAITED_JOB);

    const [told] = await ctx.db
      .select()
      .from(schema.notifications)
      .where(eq(schema.notifications.userId, coordinator.user.id));
    expect(told).toMatchObject({
      kind: "conference_awaiting_minutes",
      conferenceId: conference.id,
      caseId: conference.caseId,
      actorUserId: null,
    });
    expect(await kindsOf(coordinator)).toHaveLength(1);
    // A coordinator decides for the agency; the other members and the partners are not asked.
    for (const member of [owner, partner, recentCoordinator, finalisedCoordinator]) {
      expect(await kindsOf(member)).toEqual([]);
    }
  });
});

describe("sharing basis expiring", () => {
  it("tells the owner's coordinators once of a basis ending within two weeks", async () => {
    const { owner, partner, basis } = await buildSharedCase(ctx, {
      basis: { validUntil: dateInDays(10) },
    });
    const coordinator = await coordinatorOf(owner);
    const distant = await buildSharedCase(ctx, { basis: { validUntil: dateInDays(30) } });
    const distantCoordinator = await coordinatorOf(distant.owner);
    const revoked = await buildSharedCase(ctx, {
      basis: { validUntil: dateInDays(5), revokedAt: new Date() },
    });
    const revokedCoordinator = await coordinatorOf(revoked.owner);

    await runTwice(BASIS_EXPIRING_JOB);

    expect(await kindsOf(coordinator)).toEqual(["sharing_basis_expiring"]);
    for (const member of [owner, partner, distantCoordinator, revokedCoordinator]) {
      expect(await kindsOf(member)).toEqual([]);
    }

    // Extended, and nearing its new end: that end is announced once more.
    await ctx.db
      .update(schema.sharingBases)
      .set({ validUntil: dateInDays(12) })
      .where(eq(schema.sharingBases.id, basis.id));
    await runTwice(BASIS_EXPIRING_JOB);
    expect(await kindsOf(coordinator)).toEqual([
      "sharing_basis_expiring",
      "sharing_basis_expiring",
    ]);
  });

  it("tells every member of an owning agency that has no coordinator", async () => {
    const { owner } = await buildSharedCase(ctx, { basis: { validUntil: dateInDays(3) } });
    const colleague = await buildMember(ctx, { agency: owner.agency });
    await runJob(BASIS_EXPIRING_JOB);
    for (const member of [owner, colleague]) {
      expect(await kindsOf(member)).toEqual(["sharing_basis_expiring"]);
    }
  });
});

describe("action needs an owner", () => {
  it("tells the owner's coordinators once of an action whose responsible agency lost the case", async () => {
    const { owner, partner, caseRow, basis, partners } = await buildSharedCase(ctx, {
      partners: 2,
    });
    const coordinator = await coordinatorOf(owner);
    const orphaned = await factories.createAction(ctx.db, {
      caseId: caseRow.id,
      responsibleAgencyId: partner.agency.id,
      createdBy: owner.user.id,
    });
    const stillOwned = partners[1] as Member;
    await factories.createAction(ctx.db, {
      caseId: caseRow.id,
      responsibleAgencyId: stillOwned.agency.id,
      createdBy: owner.user.id,
    });
    await ctx.db
      .update(schema.sharingBases)
      .set({ revokedAt: new Date(), revokedBy: owner.user.id })
      .where(eq(schema.sharingBases.id, basis.id));

    await runTwice(NEEDS_OWNER_JOB);

    const told = await ctx.db
      .select()
      .from(schema.notifications)
      .where(
        and(
          eq(schema.notifications.userId, coordinator.user.id),
          eq(schema.notifications.kind, "action_needs_owner"),
        ),
      );
    expect(told.map((row) => row.actionId)).toEqual([orphaned.id]);
    for (const member of [owner, partner, stillOwned]) {
      expect(await kindsOf(member)).toEqual([]);
    }
  });
});
