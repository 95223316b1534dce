import { randomBytes } from "node:crypto";
import type { DatabaseHandle } from "@runder-tisch/db";
import { schema } from "@runder-tisch/db";
import { and, eq, inArray, isNull, lte } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildMember, factories } from "../../../test/builders.ts";
import { type SmtpSink, startSmtpSink } from "../../../test/smtp-sink.ts";
import { createTestApp, type TestContext } from "../../../test/test-app.ts";
import { createTestDatabase } from "../../../test/test-database.ts";
import { pollUntil } from "../../../test/wait.ts";
import { scheduleJob } from "../../jobs/job-queue.ts";
import { IdentityCipher } from "../../lib/identity-crypto.ts";
import { addDays, todayInBerlin } from "../../lib/time.ts";
import { MAIL_NOTIFICATIONS_JOB } from "../../mail/mail-plugin.ts";
import { MAIL_DELIVERY_JOB } from "../../mail/queue-mail.ts";
import { REMINDER_JOB } from "./reminder-job.ts";

const NODES = 3;
const PUBLIC_URL = "https://runder-tisch.example.test";

let database: DatabaseHandle;
let sink: SmtpSink;
const nodes: TestContext[] = [];

beforeAll(async () => {
  [database, sink] = await Promise.all([createTestDatabase(), startSmtpSink()]);
  const identityCipher = new IdentityCipher(randomBytes(32));
  // Every node polls the one queue and sends through the one mail server, as three servers
  // behind a proxy would.
  for (let index = 0; index < NODES; index += 1) {
    nodes.push(
      await createTestApp(
        { JOB_POLL_MS: "50", SMTP_URL: sink.url, PUBLIC_URL },
        { database, identityCipher },
      ),
    );
  }
});
afterAll(async () => {
  for (const node of nodes) await node.close();
  await database?.close();
  await sink?.close();
});

/**
 * One run of `kind` per node, all due now: the nodes take them at the same moment, so each
 * may be running it while another does.
 */
async function runOnEveryNode(db: TestContext["db"], kind: string, tag: string) {
  const keys = Array.from({ length: NODES }, (_, index) => `three-nodes:${tag}:${kind}:${index}`);
  for (const dedupeKey of keys) await scheduleJob(db, { kind, dedupeKey });
  const done = () =>
    db
      .select({ doneAt: schema.jobs.doneAt, lastError: schema.jobs.lastError })
      .from(schema.jobs)
      .where(inArray(schema.jobs.dedupeKey, keys));
  const runs = await pollUntil(done, (rows) => rows.every((row) => row.doneAt !== null), 10_000);
  expect(runs).toEqual(keys.map(() => ({ doneAt: expect.any(Date), lastError: null })));
}

/** Until no job of `kind` that is due by now is left undone (the runs a mail asked for). */
async function settle(db: TestContext["db"], kind: string) {
  const waiting = () =>
    db
      .select({ id: schema.jobs.id })
      .from(schema.jobs)
      .where(
        and(
          eq(schema.jobs.kind, kind),
          isNull(schema.jobs.doneAt),
          lte(schema.jobs.runAt, new Date()),
        ),
      );
  expect(await pollUntil(waiting, (rows) => rows.length === 0, 10_000)).toEqual([]);
}

describe("a reminder on three nodes polling one database", () => {
  it("is written exactly once and mailed exactly once", async () => {
    const [first] = nodes as [TestContext];
    const kim = await buildMember(first);
    const abh = await buildMember(first);
    const caseRow = await factories.createCase(first.db, { ownerAgencyId: kim.agency.id });
    await factories.grantSharingBasis(first.db, {
      caseId: caseRow.id,
      agencyId: abh.agency.id,
      recordedBy: kim.user.id,
    });
    const action = await factories.createAction(first.db, {
      caseId: caseRow.id,
      responsibleAgencyId: abh.agency.id,
      responsibleUserId: abh.user.id,
      dueDate: addDays(todayInBerlin(), 1),
    });
    // Reminders go to the digest unless the person wants them at once.
    const wantsAtOnce = await abh.session.put("/api/me/mail-settings", {
      deliveries: { action_due_soon: "immediately" },
    });
    expect(wantsAtOnce.statusCode).toBe(200);

    await runOnEveryNode(first.db, REMINDER_JOB, action.id);
    const rows = await first.db
      .select({ kind: schema.notifications.kind, userId: schema.notifications.userId })
      .from(schema.notifications)
      .where(eq(schema.notifications.actionId, action.id));
    expect(rows).toEqual([{ kind: "action_due_soon", userId: abh.user.id }]);

    // The mailer runs on every node at once; what it queues is delivered by whichever node
    // takes the delivery run, and every delivery run asked for is done before counting.
    // A delivery run sends after its transaction committed, so "sent" is awaited on the row.
    const outboxOf = () =>
      first.db
        .select({ sentAt: schema.mailOutbox.sentAt, attempts: schema.mailOutbox.attempts })
        .from(schema.mailOutbox)
        .where(eq(schema.mailOutbox.toAddress, abh.user.email));
    const allSent = (rows: Awaited<ReturnType<typeof outboxOf>>) =>
      rows.length > 0 && rows.every((row) => row.sentAt !== null);
    await runOnEveryNode(first.db, MAIL_NOTIFICATIONS_JOB, action.id);
    await settle(first.db, MAIL_DELIVERY_JOB);
    await pollUntil(outboxOf, allSent, 10_000);
    // Once more on every node: a second mailer or delivery run finds nothing left to send.
    await runOnEveryNode(first.db, MAIL_NOTIFICATIONS_JOB, `${action.id}:again`);
    await runOnEveryNode(first.db, MAIL_DELIVERY_JOB, `${action.id}:again`);
    await settle(first.db, MAIL_DELIVERY_JOB);

    expect(await outboxOf()).toEqual([{ sentAt: expect.any(Date), attempts: 1 }]);
    const mails = sink.to(abh.user.email);
    expect(mails.map((mail) => mail.subject)).toEqual([
      `Runder Tisch: Aufgabe bald fällig im Fall ${caseRow.code}`,
    ]);
    expect(mails[0]?.text).toContain(`${PUBLIC_URL}/faelle/${caseRow.id}`);
    expect(mails[0]?.text).not.toContain(action.title);
  });
});
