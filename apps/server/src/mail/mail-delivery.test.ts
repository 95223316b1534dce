import { schema } from "@runder-tisch/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  buildCase,
  buildMember,
  buildSharedCase,
  factories,
  type Member,
} from "../../test/builders.ts";
import { parseCalendar } from "../../test/ical.ts";
import { type SmtpSink, startSmtpSink } from "../../test/smtp-sink.ts";
import { createTestApp, type TestContext } from "../../test/test-app.ts";
import { scheduleJob } from "../jobs/job-queue.ts";
import { berlinClock } from "../lib/time.ts";
import { MAIL_DIGEST_JOB, MAIL_NOTIFICATIONS_JOB } from "./mail-plugin.ts";
import { scheduleMailDelivery } from "./queue-mail.ts";

const PUBLIC_URL = "https://runder-tisch.example.test";

let sink: SmtpSink;
let ctx: TestContext;

beforeAll(async () => {
  sink = await startSmtpSink();
  ctx = await createTestApp({ SMTP_URL: sink.url, PUBLIC_URL });
});
afterAll(async () => {
  await ctx?.close();
  await sink?.close();
});

/** Runs jobs until none is due: the mailer's run asks for a delivery run, which runs next. */
async function runJobs(): Promise<void> {
  for (let round = 0; round < 10; round++) {
    if ((await ctx.app.jobs.runDue()) === 0) return;
  }
  throw new Error("jobs kept coming");
}

async function notify(
  user: Member,
  values: Partial<typeof schema.notifications.$inferInsert> & { kind: string },
) {
  const [row] = await ctx.db
    .insert(schema.notifications)
    .values({ userId: user.user.id, ...values })
    .returning();
  if (!row) throw new Error("no notification");
  return row;
}

/** A case with an action for the member, named and described like real work would be. */
async function caseWithAction() {
  const { owner, caseRow } = await buildCase(ctx, {
    values: { summary: "Familie Özdemir, Schulabsentismus seit März" },
  });
  const colleague = await buildMember(ctx, { agency: owner.agency });
  const action = await factories.createAction(ctx.db, {
    caseId: caseRow.id,
    responsibleAgencyId: owner.agency.id,
    title: "Hausbesuch bei Frau Özdemir vereinbaren",
    description: "Telefon 0171 2345678, Termin vor den Ferien",
    createdBy: colleague.user.id,
  });
  return { owner, colleague, caseRow, action };
}

const outboxRowsTo = (address: string) =>
  ctx.db.select().from(schema.mailOutbox).where(eq(schema.mailOutbox.toAddress, address));

describe("notifications by mail", () => {
  test("a notification wanted at once arrives with the case code and a link, nothing of the case", async () => {
    const { owner, colleague, caseRow, action } = await caseWithAction();
    const notification = await notify(owner, {
      kind: "action_assigned",
      caseId: caseRow.id,
      actionId: action.id,
      actorUserId: colleague.user.id,
    });

    await scheduleJob(ctx.db, { kind: MAIL_NOTIFICATIONS_JOB });
    await runJobs();

    const mails = sink.to(owner.user.email);
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail?.subject).toBe(`Runder Tisch: Neue Aufgabe im Fall ${caseRow.code}`);
    expect(mail?.text).toContain(caseRow.code);
    expect(mail?.text).toContain(`${PUBLIC_URL}/faelle/${caseRow.id}`);
    const everything = `${mail?.subject}\n${mail?.text}\n${mail?.parsed.html || ""}`;
    for (const secret of [
      action.title,
      "Özdemir",
      "0171 2345678",
      caseRow.summary,
      owner.user.displayName,
      colleague.user.displayName,
      owner.agency.name,
    ]) {
      expect(everything).not.toContain(secret);
    }
    const [stored] = await ctx.db
      .select()
      .from(schema.notifications)
      .where(eq(schema.notifications.id, notification.id));
    expect(stored?.emailedAt).not.toBeNull();

    // Another run finds nothing new: no second mail.
    await scheduleJob(ctx.db, { kind: MAIL_NOTIFICATIONS_JOB });
    await runJobs();
    expect(sink.to(owner.user.email)).toHaveLength(1);
  });

  test("the mail is in English when the person chose English", async () => {
    const { owner, caseRow } = await caseWithAction();
    await owner.session.put("/api/me/mail-settings", { language: "en" });
    await notify(owner, { kind: "conference_cancelled", caseId: caseRow.id });

    await scheduleJob(ctx.db, { kind: MAIL_NOTIFICATIONS_JOB });
    await runJobs();

    const [mail] = sink.to(owner.user.email);
    expect(mail?.subject).toBe(`Runder Tisch: Case conference cancelled in case ${caseRow.code}`);
  });

  test("a kind turned off sends nothing, and disabled people get nothing", async () => {
    const { owner, caseRow } = await caseWithAction();
    const turnedOff = await owner.session.put("/api/me/mail-settings", {
      deliveries: { action_assigned: "off" },
    });
    expect(turnedOff.statusCode).toBe(200);
    await notify(owner, { kind: "action_assigned", caseId: caseRow.id });
    const disabled = await buildMember(ctx, { agency: owner.agency });
    await ctx.db
      .update(schema.users)
      .set({ disabledAt: new Date() })
      .where(eq(schema.users.id, disabled.user.id));
    await notify(disabled, { kind: "action_assigned", caseId: caseRow.id });

    await scheduleJob(ctx.db, { kind: MAIL_NOTIFICATIONS_JOB });
    await runJobs();

    expect(sink.to(owner.user.email)).toEqual([]);
    expect(sink.to(disabled.user.email)).toEqual([]);
    expect(await outboxRowsTo(owner.user.email)).toEqual([]);
  });

  test("a refusing mail server delays the mail; the next run delivers it once", async () => {
    const { owner, caseRow } = await caseWithAction();
    await notify(owner, { kind: "action_reassigned", caseId: caseRow.id });

    sink.refusing = true;
    try {
      await scheduleJob(ctx.db, { kind: MAIL_NOTIFICATIONS_JOB });
      await runJobs();
    } finally {
      sink.refusing = false;
    }
    expect(sink.to(owner.user.email)).toEqual([]);
    const [waiting] = await outboxRowsTo(owner.user.email);
    expect(waiting?.attempts).toBe(1);
    expect(waiting?.sentAt).toBeNull();
    expect(waiting?.lastError).toContain("450");
    // The server quoted the address; the stored error does not keep it.
    expect(waiting?.lastError).not.toContain(owner.user.email);
    expect(waiting?.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());

    // The retry's time has come (instead of waiting a minute for it).
    await ctx.db
      .update(schema.mailOutbox)
      .set({ nextAttemptAt: new Date(Date.now() - 1_000) })
      .where(eq(schema.mailOutbox.toAddress, owner.user.email));
    await scheduleMailDelivery(ctx.db);
    await runJobs();

    expect(sink.to(owner.user.email)).toHaveLength(1);
    const [sent] = await outboxRowsTo(owner.user.email);
    expect(sent?.attempts).toBe(2);
    expect(sent?.sentAt).not.toBeNull();
    expect(sent?.lastError).toBeNull();

    await scheduleMailDelivery(ctx.db);
    await runJobs();
    expect(sink.to(owner.user.email)).toHaveLength(1);
  });

  test("the daily digest is one mail per person and day, however often it runs", async () => {
    const { owner, caseRow } = await caseWithAction();
    const other = await buildCase(ctx, { owner });
    const at = new Date();
    await owner.session.put("/api/me/mail-settings", { digestHour: berlinClock(at).hour });
    const earlier = new Date(at.getTime() - 2 * 3_600_000);
    await notify(owner, { kind: "action_overdue", caseId: caseRow.id, createdAt: earlier });
    await notify(owner, { kind: "action_overdue", caseId: caseRow.id, createdAt: earlier });
    await notify(owner, { kind: "action_due_soon", caseId: other.caseRow.id, createdAt: earlier });

    await scheduleJob(ctx.db, { kind: MAIL_DIGEST_JOB, runAt: at });
    await runJobs();
    // What arrives during the digest's hour waits for tomorrow's digest.
    await notify(owner, { kind: "action_overdue", caseId: caseRow.id });
    await scheduleJob(ctx.db, { kind: MAIL_DIGEST_JOB, runAt: at });
    await runJobs();

    const mails = sink.to(owner.user.email);
    expect(mails).toHaveLength(1);
    const [digest] = mails;
    expect(digest?.subject).toBe("Runder Tisch: 3 Neuigkeiten des Tages");
    expect(digest?.text).toContain(`- Aufgabe überfällig: 2 (${caseRow.code})`);
    expect(digest?.text).toContain(`- Aufgabe bald fällig: 1 (${other.caseRow.code})`);
    expect(digest?.text).toContain(`${PUBLIC_URL}/`);
  });

  test("a conference's mail carries its invitation, with its UID and current SEQUENCE", async () => {
    const { owner, partner, caseRow } = await buildSharedCase(ctx, {
      values: { summary: "Familie Özdemir, Schulabsentismus seit März" },
    });
    const scheduled = await owner.session.post(`/api/cases/${caseRow.id}/conferences`, {
      title: "Fallkonferenz Özdemir",
      scheduledAt: "2030-03-05T09:00:00.000Z",
      location: "Kreishaus, Raum 2.14",
      participants: [{ agencyId: partner.agency.id, role: "editor" }],
    });
    expect(scheduled.statusCode).toBe(201);
    const conference = scheduled.json<{ id: string }>();
    await scheduleJob(ctx.db, { kind: MAIL_NOTIFICATIONS_JOB });
    await runJobs();
    const moved = await owner.session.patch(`/api/conferences/${conference.id}`, {
      scheduledAt: "2030-03-06T10:00:00.000Z",
    });
    expect(moved.statusCode).toBe(200);
    await scheduleJob(ctx.db, { kind: MAIL_NOTIFICATIONS_JOB });
    await runJobs();

    const mails = sink.to(partner.user.email);
    expect(mails).toHaveLength(2);
    const invitations = mails.map((mail) => {
      const part = mail.parsed.attachments.find((attachment) =>
        attachment.contentType.startsWith("text/calendar"),
      );
      expect(part, mail.subject).toBeDefined();
      const text = part?.content.toString("utf8") ?? "";
      for (const secret of [
        "Özdemir",
        "Fallkonferenz Özdemir",
        caseRow.summary,
        owner.agency.name,
      ]) {
        expect(text).not.toContain(secret);
      }
      return parseCalendar(text);
    });
    const [first, second] = invitations;
    expect(first?.method).toBe("REQUEST");
    expect(first?.events).toEqual([
      expect.objectContaining({
        uid: `${conference.id}@runder-tisch`,
        sequence: 0,
        start: new Date("2030-03-05T09:00:00.000Z"),
        summary: `Fallkonferenz ${caseRow.code}`,
        location: "Kreishaus, Raum 2.14",
      }),
    ]);
    expect(second?.method).toBe("REQUEST");
    expect(second?.events).toEqual([
      expect.objectContaining({
        uid: `${conference.id}@runder-tisch`,
        sequence: 1,
        start: new Date("2030-03-06T10:00:00.000Z"),
      }),
    ]);
    const [stored] = await outboxRowsTo(partner.user.email);
    expect(stored?.calendar).toContain("METHOD:REQUEST");
  });

  test("a cancellation mail carries the invitation's withdrawal (METHOD:CANCEL, SEQUENCE up)", async () => {
    const { owner, partner, caseRow } = await buildSharedCase(ctx);
    const conference = await factories.createConference(
      ctx.db,
      { caseId: caseRow.id, scheduledAt: new Date("2030-04-01T08:00:00.000Z") },
      [{ agencyId: partner.agency.id, role: "editor" }],
    );
    const cancelled = await owner.session.post(`/api/conferences/${conference.id}/status`, {
      status: "cancelled",
    });
    expect(cancelled.statusCode).toBe(200);
    await scheduleJob(ctx.db, { kind: MAIL_NOTIFICATIONS_JOB });
    await runJobs();

    const [mail, ...others] = sink.to(partner.user.email);
    expect(others).toEqual([]);
    expect(mail?.subject).toContain("Fallkonferenz abgesagt");
    expect(mail?.subject).toContain(caseRow.code);
    const part = mail?.parsed.attachments.find((attachment) =>
      attachment.contentType.startsWith("text/calendar"),
    );
    expect(part).toBeDefined();
    const parsed = parseCalendar(part?.content.toString("utf8") ?? "");
    expect(parsed.method).toBe("CANCEL");
    expect(parsed.events).toEqual([
      expect.objectContaining({
        uid: `${conference.id}@runder-tisch`,
        sequence: 1,
        status: "CANCELLED",
        start: new Date("2030-04-01T08:00:00.000Z"),
      }),
    ]);
    // The one who called it off is not told of it.
    expect(sink.to(owner.user.email)).toEqual([]);
  });

  test("mails of other kinds carry no calendar", async () => {
    const { owner, caseRow } = await caseWithAction();
    await notify(owner, { kind: "action_assigned", caseId: caseRow.id });
    await scheduleJob(ctx.db, { kind: MAIL_NOTIFICATIONS_JOB });
    await runJobs();
    const [mail] = sink.to(owner.user.email);
    expect(mail?.parsed.attachments).toEqual([]);
    const [stored] = await outboxRowsTo(owner.user.email);
    expect(stored?.calendar).toBeNull();
  });
});
