import type { AddressInfo } from "node:net";
import { schema } from "@runder-tisch/db";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildMember, buildSharedCase, factories } from "../../../test/builders.ts";
import { openEventStream } from "../../../test/event-stream.ts";
import type { Session } from "../../../test/sessions.ts";
import { useTestApp } from "../../../test/test-app.ts";
import { waitUntil } from "../../../test/wait.ts";
import { scheduleJob } from "../../jobs/job-queue.ts";
import { addDays, todayInBerlin } from "../../lib/time.ts";
import { REMINDER_JOB } from "./reminder-job.ts";

const ctx = useTestApp();

const listOf = async (session: Session) =>
  (await session.get("/api/notifications")).json<{
    notifications: { id: string; kind: string; actionId: string | null; read: boolean }[];
    nextCursor: string | null;
  }>().notifications;
const unreadOf = async (session: Session) =>
  (await session.get("/api/notifications/unread-count")).json<{ unread: number }>().unread;

/** KIM case management owns the case and gives the ABH an action, as in DOMAIN.md. */
async function kimAssignsAbh(options: { named?: boolean } = {}) {
  const { owner: kim, partner: abh, caseRow, basis } = await buildSharedCase(ctx);
  const colleague = await buildMember(ctx, { agency: abh.agency });
  const response = await kim.session.post(`/api/cases/${caseRow.id}/actions`, {
    title: "§104c-Voraussetzungen prüfen",
    responsibleAgencyId: abh.agency.id,
    ...(options.named === false ? {} : { responsiblePersonId: abh.user.id }),
  });
  expect(response.statusCode).toBe(201);
  const action = response.json<{ id: string }>();
  return { kim, abh, colleague, caseRow, basis, action };
}

describe("notifications of actions", () => {
  it("tell the responsible person once of a new action, and not the one who made it", async () => {
    const { kim, abh, colleague, caseRow, action } = await kimAssignsAbh();
    const list = await listOf(abh.session);
    expect(list).toEqual([
      expect.objectContaining({
        kind: "action_assigned",
        actionId: action.id,
        caseId: caseRow.id,
        caseCode: caseRow.code,
        label: "§104c-Voraussetzungen prüfen",
        read: false,
      }),
    ]);
    expect(await unreadOf(abh.session)).toBe(1);
    expect(await listOf(kim.session)).toEqual([]);
    // A named person is told; the rest of the agency sees it in the agency inbox instead.
    expect(await listOf(colleague.session)).toEqual([]);
  });

  it("tell every member of the agency when nobody is named", async () => {
    const { kim, abh, colleague, action } = await kimAssignsAbh({ named: false });
    for (const member of [abh, colleague]) {
      expect((await listOf(member.session)).map((n) => [n.kind, n.actionId])).toEqual([
        ["action_assigned", action.id],
      ]);
    }
    expect(await unreadOf(kim.session)).toBe(0);
  });

  it("tell the new responsible of a hand-over, and author and responsible of a comment", async () => {
    const { kim, abh, colleague, action } = await kimAssignsAbh();
    const handOver = await kim.session.patch(`/api/actions/${action.id}`, {
      responsiblePersonId: colleague.user.id,
    });
    expect(handOver.statusCode).toBe(200);
    expect((await listOf(colleague.session)).map((n) => n.kind)).toEqual(["action_reassigned"]);

    const comment = await colleague.session.post(`/api/actions/${action.id}/comments`, {
      body: "Unterlagen angefordert",
    });
    expect(comment.statusCode).toBe(201);
    // The author (KIM) hears of it; the commenter, though responsible now, does not.
    expect((await listOf(kim.session)).map((n) => n.kind)).toEqual(["action_commented"]);
    expect((await listOf(colleague.session)).map((n) => n.kind)).toEqual(["action_reassigned"]);
    expect((await listOf(abh.session)).map((n) => n.kind)).toEqual(["action_assigned"]);
  });

  it("reach the recipient's open event stream without content", async () => {
    await ctx.app.listen({ host: "127.0.0.1", port: 0 });
    const port = (ctx.app.server.address() as AddressInfo).port;
    const { owner: kim, partner: abh, caseRow } = await buildSharedCase(ctx);
    const stream = await openEventStream(port, abh.session.cookie);
    const kimStream = await openEventStream(port, kim.session.cookie);
    try {
      await kim.session.post(`/api/cases/${caseRow.id}/actions`, {
        title: "Pass beantragen",
        responsibleAgencyId: abh.agency.id,
        responsiblePersonId: abh.user.id,
      });
      await waitUntil(
        () => stream.messages.some((m) => m.kind === "notification.created"),
        "the notice on the recipient's stream",
      );
      expect(stream.messages.find((m) => m.kind === "notification.created")).toEqual({
        kind: "notification.created",
      });
      await waitUntil(
        () => kimStream.messages.some((m) => m.kind === "action.created"),
        "the action on the author's stream",
      );
      expect(kimStream.messages.map((m) => m.kind)).not.toContain("notification.created");
    } finally {
      stream.close();
      kimStream.close();
    }
  });
});

describe("notifications of conferences", () => {
  it("tell the invited agencies of a new conference and of a new date, not the organiser", async () => {
    const { owner: kim, partner: abh, caseRow } = await buildSharedCase(ctx);
    const scheduled = await kim.session.post(`/api/cases/${caseRow.id}/conferences`, {
      title: "Fallkonferenz",
      scheduledAt: "2030-03-05T09:00:00.000Z",
      participants: [{ agencyId: abh.agency.id, role: "editor" }],
    });
    expect(scheduled.statusCode).toBe(201);
    const conference = scheduled.json<{ id: string }>();
    const renamed = await kim.session.patch(`/api/conferences/${conference.id}`, {
      title: "Fallkonferenz (Wiedervorlage)",
    });
    expect(renamed.statusCode).toBe(200);
    const moved = await kim.session.patch(`/api/conferences/${conference.id}`, {
      scheduledAt: "2030-03-06T09:00:00.000Z",
    });
    expect(moved.statusCode).toBe(200);
    const list = (await abh.session.get("/api/notifications")).json().notifications;
    expect(
      list.map((n: { kind: string; conferenceId: string }) => [n.kind, n.conferenceId]),
    ).toEqual([
      ["conference_changed", conference.id],
      ["conference_scheduled", conference.id],
    ]);
    expect(await listOf(kim.session)).toEqual([]);
  });
});

describe("reading notifications", () => {
  it("marks one and then all read; the count follows", async () => {
    const { kim, abh, caseRow } = await kimAssignsAbh();
    await kim.session.post(`/api/cases/${caseRow.id}/actions`, {
      title: "Zweite Aufgabe",
      responsibleAgencyId: abh.agency.id,
      responsiblePersonId: abh.user.id,
    });
    const [newest, older] = await listOf(abh.session);
    expect(await unreadOf(abh.session)).toBe(2);
    expect((await abh.session.post(`/api/notifications/${newest?.id}/read`)).statusCode).toBe(200);
    expect(await unreadOf(abh.session)).toBe(1);
    expect((await listOf(abh.session)).map((n) => [n.id, n.read])).toEqual([
      [newest?.id, true],
      [older?.id, false],
    ]);
    const all = await abh.session.post("/api/notifications/read-all");
    expect(all.json()).toEqual({ marked: 1 });
    expect(await unreadOf(abh.session)).toBe(0);
  });

  it("pages newest first with a cursor", async () => {
    const { kim, abh, caseRow } = await kimAssignsAbh();
    for (const title of ["B", "C"]) {
      await kim.session.post(`/api/cases/${caseRow.id}/actions`, {
        title,
        responsibleAgencyId: abh.agency.id,
        responsiblePersonId: abh.user.id,
      });
    }
    const first = (await abh.session.get("/api/notifications?limit=2")).json();
    expect(first.notifications.map((n: { label: string }) => n.label)).toEqual(["C", "B"]);
    const second = (
      await abh.session.get(`/api/notifications?limit=2&before=${first.nextCursor}`)
    ).json();
    expect(second.notifications.map((n: { label: string }) => n.label)).toEqual([
      "§104c-Voraussetzungen prüfen",
    ]);
    expect(second.nextCursor).toBeNull();
  });

  it("answers another person's notification like a missing one", async () => {
    const { abh } = await kimAssignsAbh();
    const stranger = await buildMember(ctx);
    const [mine] = await listOf(abh.session);
    const response = await stranger.session.post(`/api/notifications/${mine?.id}/read`);
    expect(response.statusCode).toBe(404);
    expect((await listOf(abh.session))[0]?.read).toBe(false);
  });

  it("hides what is about a case the agency may no longer see, from list and count", async () => {
    const { kim, abh, caseRow, basis } = await kimAssignsAbh();
    expect(await unreadOf(abh.session)).toBe(1);
    const revoke = await kim.session.post(
      `/api/cases/${caseRow.id}/sharing-bases/${basis.id}/revoke`,
      { note: "Einwilligung für die ABH widerrufen" },
    );
    expect(revoke.statusCode).toBe(200);
    expect(await listOf(abh.session)).toEqual([]);
    expect(await unreadOf(abh.session)).toBe(0);
    const [row] = await ctx.db
      .select()
      .from(schema.notifications)
      .where(eq(schema.notifications.userId, abh.user.id));
    expect((await abh.session.post(`/api/notifications/${row?.id}/read`)).statusCode).toBe(404);
  });
});

describe("reminders", () => {
  it("tell of an action due soon once a day, however often the job runs", async () => {
    const { owner: kim, partner: abh, caseRow } = await buildSharedCase(ctx);
    const today = todayInBerlin();
    const soon = await factories.createAction(ctx.db, {
      caseId: caseRow.id,
      responsibleAgencyId: abh.agency.id,
      responsibleUserId: abh.user.id,
      dueDate: addDays(today, 1),
    });
    const late = await factories.createAction(ctx.db, {
      caseId: caseRow.id,
      responsibleAgencyId: abh.agency.id,
      responsibleUserId: abh.user.id,
      dueDate: addDays(today, -3),
    });
    await factories.createAction(ctx.db, {
      caseId: caseRow.id,
      responsibleAgencyId: abh.agency.id,
      responsibleUserId: abh.user.id,
      dueDate: addDays(today, 1),
      status: "done",
    });
    for (const run of ["first", "second"]) {
      await scheduleJob(ctx.db, { kind: REMINDER_JOB, dedupeKey: `${caseRow.id}:${run}` });
      await ctx.app.jobs.runDue();
    }
    const list = await listOf(abh.session);
    expect(list.map((n) => [n.kind, n.actionId]).sort()).toEqual(
      [
        ["action_due_soon", soon.id],
        ["action_overdue", late.id],
      ].sort(),
    );
    expect(await listOf(kim.session)).toEqual([]);
  });
});
