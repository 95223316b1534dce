import { schema } from "@runder-tisch/db";
import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { buildCase, buildMember } from "../../../test/builders.ts";
import { useTestApp } from "../../../test/test-app.ts";
import { MAIL_OFF_ERROR } from "../../mail/deliver-mail.ts";
import { queueMail } from "../../mail/queue-mail.ts";

// No SMTP_URL: the platform sends no mail, and says so.
const ctx = useTestApp();

describe("mail settings", () => {
  test("start with the defaults and keep what the person changes", async () => {
    const { session } = await buildMember(ctx);
    const initial = await session.get("/api/me/mail-settings");
    expect(initial.statusCode).toBe(200);
    expect(initial.json()).toMatchObject({
      digestHour: 7,
      language: "de",
      mailEnabled: false,
      deliveries: { action_assigned: "immediately", action_overdue: "digest" },
    });

    const changed = await session.put("/api/me/mail-settings", {
      deliveries: { action_assigned: "digest", mentioned: "off" },
      digestHour: 18,
      language: "en",
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({
      digestHour: 18,
      language: "en",
      deliveries: { action_assigned: "digest", mentioned: "off", action_overdue: "digest" },
    });
    // A later change of one kind leaves the others as they were.
    await session.put("/api/me/mail-settings", { deliveries: { mentioned: "immediately" } });
    expect((await session.get("/api/me/mail-settings")).json()).toMatchObject({
      digestHour: 18,
      deliveries: { action_assigned: "digest", mentioned: "immediately" },
    });
  });

  test.each([
    ["an unknown kind", { deliveries: { birthday: "off" } }],
    ["an unknown delivery", { deliveries: { action_assigned: "weekly" } }],
    ["an hour past 23", { digestHour: 24 }],
    ["a negative hour", { digestHour: -1 }],
    ["a fractional hour", { digestHour: 7.5 }],
    ["an unknown language", { language: "fr" }],
  ])("refuse %s with 400", async (_what, body) => {
    const { session } = await buildMember(ctx);
    const response = await session.put("/api/me/mail-settings", body);
    expect(response.statusCode).toBe(400);
  });

  test("each person reaches only their own settings", async () => {
    const first = await buildMember(ctx);
    const second = await buildMember(ctx, { agency: first.agency });
    // An id in the body is not a way to someone else's settings: it is ignored.
    const response = await first.session.put("/api/me/mail-settings", {
      userId: second.user.id,
      deliveries: { action_assigned: "off" },
    });
    expect(response.statusCode).toBe(200);
    expect((await second.session.get("/api/me/mail-settings")).json()).toMatchObject({
      deliveries: { action_assigned: "immediately" },
    });
    const stored = await ctx.db
      .select()
      .from(schema.notificationSettings)
      .where(eq(schema.notificationSettings.userId, second.user.id));
    expect(stored).toEqual([]);
    expect((await ctx.app.inject({ method: "GET", url: "/api/me/mail-settings" })).statusCode).toBe(
      401,
    );
  });
});

describe("mail status", () => {
  test("only the platform admin sees it", async () => {
    const member = await buildMember(ctx);
    const coordinator = await buildMember(ctx, { role: "coordinator" });
    expect((await member.session.get("/api/admin/mail-status")).statusCode).toBe(403);
    expect((await coordinator.session.get("/api/admin/mail-status")).statusCode).toBe(403);
    expect(
      (await ctx.app.inject({ method: "GET", url: "/api/admin/mail-status" })).statusCode,
    ).toBe(401);
    const admin = await buildMember(ctx, { role: "platform_admin" });
    expect((await admin.session.get("/api/admin/mail-status")).statusCode).toBe(200);
  });

  test("without a mail server, mails are kept but marked undeliverable, and the admin is told", async () => {
    const { owner, caseRow } = await buildCase(ctx);
    await queueMail(ctx.db, {
      to: owner.user.email,
      subject: `Runder Tisch: Neue Aufgabe im Fall ${caseRow.code}`,
      text: "…",
      caseId: caseRow.id,
    });
    for (let round = 0; round < 5 && (await ctx.app.jobs.runDue()) > 0; round++);

    const [row] = await ctx.db
      .select()
      .from(schema.mailOutbox)
      .where(eq(schema.mailOutbox.toAddress, owner.user.email));
    expect(row?.sentAt).toBeNull();
    expect(row?.lastError).toBe(MAIL_OFF_ERROR);

    const admin = await buildMember(ctx, { role: "platform_admin" });
    const status = (await admin.session.get("/api/admin/mail-status")).json();
    expect(status).toMatchObject({ smtpConfigured: false, lastError: MAIL_OFF_ERROR });
    expect(status.failed).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(status)).not.toContain(owner.user.email);
  });

  test("an address that is none is not queued", async () => {
    expect(await queueMail(ctx.db, { to: "not an address", subject: "x", text: "x" })).toBeNull();
  });
});
