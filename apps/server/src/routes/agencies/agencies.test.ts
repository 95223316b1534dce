import { schema } from "@runder-tisch/db";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildMember, factories, testPasswordHash } from "../../../test/builders.ts";
import { useTestApp } from "../../../test/test-app.ts";
import type { DomainEvent } from "../../events/domain-events.ts";

const ctx = useTestApp();

const names = (response: { json(): { agencies: { name: string }[] } }) =>
  response.json().agencies.map((agency) => agency.name);

describe("agencies", () => {
  it("everyone signed in lists the active agencies by name; the admin sees inactive ones too", async () => {
    const tag = crypto.randomUUID().slice(0, 8);
    await factories.createAgency(ctx.db, { name: `Zeta ${tag}` });
    await factories.createAgency(ctx.db, { name: `Alpha ${tag}` });
    await factories.createAgency(ctx.db, { name: `Beta ${tag}`, active: false });
    const member = await buildMember(ctx);
    const admin = await buildMember(ctx, { role: "platform_admin" });

    const seen = names(await member.session.get("/api/agencies")).filter((n) => n.endsWith(tag));
    expect(seen).toEqual([`Alpha ${tag}`, `Zeta ${tag}`]);
    const all = names(await admin.session.get("/api/agencies")).filter((n) => n.endsWith(tag));
    expect(all).toEqual([`Alpha ${tag}`, `Beta ${tag}`, `Zeta ${tag}`]);
    const anonymous = await ctx.app.inject({ method: "GET", url: "/api/agencies" });
    expect(anonymous.statusCode).toBe(401);
  });

  it("only the platform admin adds and changes agencies", async () => {
    const member = await buildMember(ctx);
    const coordinator = await buildMember(ctx, { role: "coordinator" });
    const admin = await buildMember(ctx, { role: "platform_admin" });
    const body = { name: "Caritas Migrationsberatung", kind: "migrationsberatung" };
    for (const session of [member.session, coordinator.session]) {
      const created = await session.post("/api/agencies", body);
      expect(created.statusCode).toBe(403);
      expect(created.json().error.code).toBe("forbidden");
      const renamed = await session.patch(`/api/agencies/${session.user.agencyId}`, {
        name: "Umbenannt",
      });
      expect(renamed.statusCode).toBe(403);
    }
    const created = await admin.session.post("/api/agencies", body);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ ...body, active: true });
    const renamed = await admin.session.patch(`/api/agencies/${created.json().id}`, {
      name: "Caritas MBE",
    });
    expect(renamed.json().name).toBe("Caritas MBE");
    const audit = await ctx.db
      .select({ action: schema.auditLog.action })
      .from(schema.auditLog)
      .where(
        and(
          eq(schema.auditLog.targetType, "agency"),
          eq(schema.auditLog.targetId, created.json().id),
        ),
      );
    expect(audit.map((row) => row.action).sort()).toEqual(["change", "create"]);
    const unknown = await admin.session.patch(
      "/api/agencies/00000000-0000-4000-8000-000000000000",
      {
        active: false,
      },
    );
    expect(unknown.statusCode).toBe(404);
    const badKind = await admin.session.post("/api/agencies", { name: "X", kind: "geheimdienst" });
    expect(badKind.statusCode).toBe(400);
  });

  it("switching an agency off signs its people out at once", async () => {
    const admin = await buildMember(ctx, { role: "platform_admin" });
    const member = await buildMember(ctx);
    const events: DomainEvent[] = [];
    const unsubscribe = ctx.app.events.subscribe((event) => events.push(event));
    try {
      const off = await admin.session.patch(`/api/agencies/${member.agency.id}`, { active: false });
      expect(off.json().active).toBe(false);
    } finally {
      unsubscribe();
    }
    expect(events).toContainEqual({ kind: "user.cut-off", userId: member.user.id });
    expect((await member.session.get("/api/me")).json().error.code).toBe("session_expired");
  });

  it("lists an agency's active people by name only, for picking who is responsible", async () => {
    const { session } = await buildMember(ctx);
    const agency = await factories.createAgency(ctx.db);
    const passwordHash = await testPasswordHash();
    const active = await factories.createUser(ctx.db, { agencyId: agency.id, passwordHash });
    await factories.createUser(ctx.db, {
      agencyId: agency.id,
      passwordHash,
      disabledAt: new Date(),
    });
    const response = await session.get(`/api/agencies/${agency.id}/people`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      people: [{ id: active.id, displayName: active.displayName }],
    });
    const unknown = await session.get("/api/agencies/00000000-0000-4000-8000-000000000000/people");
    expect(unknown.statusCode).toBe(404);
  });
});
