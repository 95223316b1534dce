import { schema } from "@runder-tisch/db";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildMember } from "../../../test/builders.ts";
import { useTestApp } from "../../../test/test-app.ts";

const ctx = useTestApp();

interface Entry {
  id: number;
  agencyId: string;
  userId: string;
  action: string;
  targetType: string;
  caseId: string | null;
}
const entries = (response: { json(): { entries: Entry[] } }) => response.json().entries;

describe("reading the audit trail", () => {
  it("a coordinator sees their own agency's entries only; the admin sees every agency", async () => {
    const mine = await buildMember(ctx, { role: "coordinator" });
    const theirs = await buildMember(ctx, { role: "coordinator" });
    const admin = await buildMember(ctx, { role: "platform_admin" });
    const myCase = (await mine.session.post("/api/cases", {})).json();
    const theirCase = (await theirs.session.post("/api/cases", {})).json();

    const own = await mine.session.get("/api/audit");
    expect(own.statusCode).toBe(200);
    expect(entries(own).map((e) => e.caseId)).toContain(myCase.id);
    expect(entries(own).every((e) => e.agencyId === mine.agency.id)).toBe(true);
    expect(own.body).not.toContain(theirCase.id);
    expect(own.body).not.toMatch(/"(prevHash|hash)"/);

    const foreign = await mine.session.get(`/api/audit?agencyId=${theirs.agency.id}`);
    expect(foreign.statusCode).toBe(403);
    expect((await mine.session.get(`/api/audit?agencyId=${mine.agency.id}`)).statusCode).toBe(200);

    const asAdmin = await admin.session.get(`/api/audit?agencyId=${theirs.agency.id}`);
    expect(entries(asAdmin).map((e) => e.caseId)).toContain(theirCase.id);
    const everything = entries(await admin.session.get("/api/audit?limit=500"));
    expect(everything.map((e) => e.caseId)).toEqual(
      expect.arrayContaining([myCase.id, theirCase.id]),
    );
  });

  it("a member may not read it", async () => {
    const { session } = await buildMember(ctx);
    const response = await session.get("/api/audit");
    expect(response.statusCode).toBe(403);
  });

  it("records the reading itself", async () => {
    const { session, user } = await buildMember(ctx, { role: "coordinator" });
    await session.get("/api/audit");
    const reads = entries(await session.get("/api/audit?action=list"));
    expect(reads[0]).toMatchObject({ userId: user.id, action: "list", targetType: "audit_log" });
  });

  it("filters by person, case, action and time, newest first, and pages back by id", async () => {
    const { session, user, agency } = await buildMember(ctx, { role: "coordinator" });
    const start = new Date().toISOString();
    const created: string[] = [];
    for (let n = 0; n < 3; n += 1) created.push((await session.post("/api/cases", {})).json().id);
    await session.get(`/api/cases/${created[0]}`);

    const creations = entries(await session.get(`/api/audit?action=create&userId=${user.id}`));
    expect(creations.map((e) => e.caseId)).toEqual([...created].reverse());
    const firstPage = entries(await session.get("/api/audit?action=create&limit=2"));
    expect(firstPage.map((e) => e.caseId)).toEqual([created[2], created[1]]);
    const next = entries(
      await session.get(`/api/audit?action=create&before=${firstPage[1]?.id}&limit=2`),
    );
    expect(next.map((e) => e.caseId)).toEqual([created[0]]);

    const ofCase = entries(await session.get(`/api/audit?caseId=${created[0]}`));
    expect(ofCase.map((e) => e.action)).toEqual(["view", "create"]);
    const since = entries(await session.get(`/api/audit?from=${encodeURIComponent(start)}`));
    expect(since.length).toBeGreaterThanOrEqual(4);
    expect(since.every((e) => e.agencyId === agency.id)).toBe(true);
    const before = entries(await session.get(`/api/audit?to=${encodeURIComponent(start)}`));
    expect(before.map((e) => e.caseId)).not.toContain(created[0]);
    expect((await session.get("/api/audit?action=gossip")).statusCode).toBe(400);
  });
});

describe("protecting the audit trail", () => {
  it("the platform admin finds the chain intact; nobody else may check it", async () => {
    const admin = await buildMember(ctx, { role: "platform_admin" });
    const coordinator = await buildMember(ctx, { role: "coordinator" });
    await coordinator.session.post("/api/cases", {});
    const response = await admin.session.get("/api/admin/audit/verify");
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ valid: true, firstBrokenId: null, reason: null });
    expect(response.json().checked).toBeGreaterThan(0);
    expect((await coordinator.session.get("/api/admin/audit/verify")).statusCode).toBe(403);
  });

  it("the database refuses to change or delete an entry", async () => {
    const { session } = await buildMember(ctx, { role: "coordinator" });
    const created = (await session.post("/api/cases", {})).json();
    const [row] = await ctx.db
      .select({ id: schema.auditLog.id })
      .from(schema.auditLog)
      .where(eq(schema.auditLog.caseId, created.id));
    if (!row) throw new Error("no audit entry for the new case");
    await expect(
      ctx.db.execute(sql`update audit_log set detail = '{"x":1}' where id = ${row.id}`),
    ).rejects.toThrow();
    await expect(ctx.db.execute(sql`delete from audit_log where id = ${row.id}`)).rejects.toThrow();
    const [still] = await ctx.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.id, row.id));
    expect(still?.detail).toBeNull();
  });
});
