import { type TCaseTheme, ZInboxQuery } from "@runder-tisch/contracts";
import { schema } from "@runder-tisch/db";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildMember, buildSharedCase, factories } from "../../../test/builders.ts";
import { useTestApp } from "../../../test/test-app.ts";
import { addDays, todayInBerlin } from "../../lib/time.ts";
import { listInbox } from "./list-inbox.ts";

const ctx = useTestApp();

const today = todayInBerlin();
const ids = (body: { actions: { id: string }[] }) => body.actions.map((action) => action.id);

/** An agency whose inbox holds actions on a case owned by someone else. */
async function inboxScenario(themes: TCaseTheme[] = ["work"]) {
  const {
    owner,
    partner: me,
    caseRow,
    basis,
  } = await buildSharedCase(ctx, {
    values: { themes },
  });
  let minute = 0;
  const add = (values: Partial<typeof schema.actions.$inferInsert> = {}) => {
    minute += 1;
    return factories.createAction(ctx.db, {
      caseId: caseRow.id,
      responsibleAgencyId: me.agency.id,
      // Distinct creation times make the tie-break deterministic.
      createdAt: new Date(Date.UTC(2026, 0, 1, 0, minute)),
      ...values,
    });
  };
  return { owner, me, caseRow, basis, add };
}

describe("inbox", () => {
  it("lists my agency's pending actions by due date, undated last, with counts", async () => {
    const { me, add } = await inboxScenario();
    const undated = await add();
    const later = await add({ dueDate: addDays(today, 5) });
    const overdue = await add({ dueDate: addDays(today, -3) });
    const dueToday = await add({ dueDate: today, status: "in_progress" });
    const farAway = await add({ dueDate: addDays(today, 30) });
    const weekEdge = await add({ dueDate: addDays(today, 7) });
    await add({ dueDate: addDays(today, -10), status: "done" });
    await add({ dueDate: addDays(today, 1), status: "cancelled" });

    const response = await me.session.get("/api/inbox");
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(ids(body)).toEqual([
      overdue.id,
      dueToday.id,
      later.id,
      weekEdge.id,
      farAway.id,
      undated.id,
    ]);
    expect(body.counts).toEqual({ open: 6, overdue: 1, dueWithin7Days: 3, needsNewOwner: 0 });
    expect(body.actions[0]).toMatchObject({
      canEdit: true,
      responsibleAgency: { id: me.agency.id },
    });
  });

  it("filters by status, due date, overdue and case; counts ignore the filters", async () => {
    const { me, add } = await inboxScenario();
    const overdue = await add({ dueDate: addDays(today, -1) });
    const soon = await add({ dueDate: addDays(today, 2) });
    const done = await add({ dueDate: addDays(today, -5), status: "done" });
    const otherCase = await factories.createCase(ctx.db, { ownerAgencyId: me.agency.id });
    const mine = await factories.createAction(ctx.db, {
      caseId: otherCase.id,
      responsibleAgencyId: me.agency.id,
    });

    const get = async (query: string) => (await me.session.get(`/api/inbox?${query}`)).json();
    expect(ids(await get("status=done"))).toEqual([done.id]);
    expect(ids(await get("status=done&status=open"))).toEqual([
      done.id,
      overdue.id,
      soon.id,
      mine.id,
    ]);
    expect(ids(await get(`dueBefore=${addDays(today, 2)}`))).toEqual([overdue.id]);
    expect(ids(await get("overdue=true"))).toEqual([overdue.id]);
    expect(ids(await get("overdue=false"))).toEqual([soon.id, mine.id]);
    const byCase = await get(`caseId=${otherCase.id}`);
    expect(ids(byCase)).toEqual([mine.id]);
    expect(byCase.counts).toEqual({ open: 3, overdue: 1, dueWithin7Days: 1, needsNewOwner: 0 });
  });

  it("scope me shows only what names me; agency shows everything of my agency", async () => {
    const { me, add } = await inboxScenario();
    const colleague = await factories.createUser(ctx.db, {
      agencyId: me.agency.id,
      passwordHash: "x",
    });
    const forMe = await add({ responsibleUserId: me.user.id, dueDate: addDays(today, 3) });
    const forColleague = await add({ responsibleUserId: colleague.id });
    const forNobody = await add();
    const mine = await me.session.get("/api/inbox?scope=me");
    expect(ids(mine.json())).toEqual([forMe.id]);
    expect(mine.json().counts).toEqual({
      open: 1,
      overdue: 0,
      dueWithin7Days: 1,
      needsNewOwner: 0,
    });
    const all = await me.session.get("/api/inbox?scope=agency");
    expect(ids(all.json())).toEqual([forMe.id, forColleague.id, forNobody.id]);
    expect(all.json().actions[0].responsiblePerson).toEqual({
      id: me.user.id,
      displayName: expect.any(String),
    });
  });

  it("drops the actions of a case once the basis is revoked", async () => {
    const { owner, me, basis, add } = await inboxScenario();
    await add({ dueDate: addDays(today, -2) });
    expect((await me.session.get("/api/inbox")).json().counts.open).toBe(1);
    await ctx.db
      .update(schema.sharingBases)
      .set({ revokedAt: new Date(), revokedBy: owner.user.id })
      .where(eq(schema.sharingBases.id, basis.id));
    const after = (await me.session.get("/api/inbox")).json();
    expect(after.actions).toEqual([]);
    expect(after.counts).toEqual({ open: 0, overdue: 0, dueWithin7Days: 0, needsNewOwner: 0 });
  });

  it("a special-category theme only matches where my basis covers special data", async () => {
    const { me, caseRow, add, owner } = await inboxScenario(["health", "work"]);
    const action = await add();
    expect(ids((await me.session.get("/api/inbox?theme=work")).json())).toEqual([action.id]);
    expect(ids((await me.session.get("/api/inbox?theme=health")).json())).toEqual([]);
    await factories.grantSharingBasis(ctx.db, {
      caseId: caseRow.id,
      agencyId: me.agency.id,
      recordedBy: owner.user.id,
      categories: ["general", "special"],
    });
    expect(ids((await me.session.get("/api/inbox?theme=health")).json())).toEqual([action.id]);
  });

  it("rejects malformed filters in the shared error shape", async () => {
    const me = await buildMember(ctx);
    for (const query of [
      "status=later",
      "overdue=yes",
      "dueBefore=soon",
      "scope=team",
      "limit=0",
    ]) {
      const response = await me.session.get(`/api/inbox?${query}`);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.code).toBe("validation_failed");
    }
  });
});

describe("inbox queries built once", () => {
  it("judge each request by its own day and reader, not by the first request's", async () => {
    const { me, owner, add } = await inboxScenario();
    await add({ dueDate: addDays(today, 2) });
    const reader = { userId: me.user.id, agencyId: me.agency.id };
    const filters = ZInboxQuery.parse({});

    const now = await listInbox(ctx.db, reader, filters, today);
    // The same query shape three days later: the action is overdue by then.
    const later = await listInbox(ctx.db, reader, filters, addDays(today, 3));
    const otherAgency = await listInbox(
      ctx.db,
      { userId: owner.user.id, agencyId: owner.agency.id },
      filters,
      today,
    );

    expect(now.counts).toMatchObject({ open: 1, overdue: 0, dueWithin7Days: 1 });
    expect(later.counts).toMatchObject({ open: 1, overdue: 1, dueWithin7Days: 0 });
    expect(otherAgency.actions).toEqual([]);
  });
});
