import { schema } from "@runder-tisch/db";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildMember, factories } from "../../../test/builders.ts";
import { useTestApp } from "../../../test/test-app.ts";

const ctx = useTestApp();

describe("cases", () => {
  it("creates a case with a pseudonymous code owned by my agency", async () => {
    const { session, agency } = await buildMember(ctx);
    const response = await session.post("/api/cases", {
      summary: "Junger Mann, Duldung seit 2019, arbeitet in Teilzeit.",
      themes: ["residence", "work", "work"],
    });
    expect(response.statusCode).toBe(201);
    const created = response.json();
    expect(created.code).toMatch(/^RT-\d{4}-\d{4}$/);
    expect(created.ownerAgency.id).toBe(agency.id);
    expect(created.themes).toEqual(["residence", "work"]);
    expect(created.access).toMatchObject({ isOwner: true, specialCategory: true });

    const listed = await session.get("/api/cases");
    expect(listed.json().cases.map((c: { id: string }) => c.id)).toContain(created.id);
  });

  it("hands out consecutive codes", async () => {
    const { session } = await buildMember(ctx);
    const first = (await session.post("/api/cases", {})).json().code as string;
    const second = (await session.post("/api/cases", {})).json().code as string;
    expect(Number(second.split("-")[2])).toBe(Number(first.split("-")[2]) + 1);
  });

  it("searches by code, theme and status", async () => {
    const { session } = await buildMember(ctx);
    const housing = (await session.post("/api/cases", { themes: ["housing"] })).json();
    const closed = (await session.post("/api/cases", { themes: ["language"] })).json();
    await session.patch(`/api/cases/${closed.id}`, { status: "closed" });

    const byCode = (await session.get(`/api/cases?q=${housing.code}`)).json().cases;
    expect(byCode.map((c: { id: string }) => c.id)).toEqual([housing.id]);
    const byTheme = (await session.get("/api/cases?theme=language")).json().cases;
    expect(byTheme.map((c: { id: string }) => c.id)).toEqual([closed.id]);
    const open = (await session.get("/api/cases?status=open")).json().cases;
    expect(open.map((c: { id: string }) => c.id)).toEqual([housing.id]);
  });

  it("closing a case records the date; reopening clears it", async () => {
    const { session } = await buildMember(ctx);
    const created = (await session.post("/api/cases", {})).json();
    const closed = (await session.patch(`/api/cases/${created.id}`, { status: "closed" })).json();
    expect(closed.status).toBe("closed");
    expect(closed.closedAt).not.toBeNull();
    const reopened = (await session.patch(`/api/cases/${created.id}`, { status: "open" })).json();
    expect(reopened.closedAt).toBeNull();
  });

  it("hides special-category data from an agency whose basis covers only general data", async () => {
    const owner = await buildMember(ctx);
    const general = await buildMember(ctx);
    const special = await buildMember(ctx);
    const created = (
      await owner.session.post("/api/cases", {
        themes: ["health", "work"],
        specialCategoryNote: "Behandlung wegen Traumafolgestörung",
      })
    ).json();
    for (const [agencyId, categories] of [
      [general.agency.id, ["general"]],
      [special.agency.id, ["general", "special"]],
    ] as const) {
      await factories.grantSharingBasis(ctx.db, {
        caseId: created.id,
        agencyId,
        recordedBy: owner.user.id,
        categories: [...categories],
      });
    }
    const seenByGeneral = (await general.session.get(`/api/cases/${created.id}`)).json();
    expect(seenByGeneral.themes).toEqual(["work"]);
    expect(seenByGeneral).not.toHaveProperty("specialCategoryNote");
    expect(JSON.stringify(seenByGeneral)).not.toContain("Trauma");
    const healthFilter = (await general.session.get("/api/cases?theme=health")).json().cases;
    expect(healthFilter).toEqual([]);

    const seenBySpecial = (await special.session.get(`/api/cases/${created.id}`)).json();
    expect(seenBySpecial.themes).toEqual(["health", "work"]);
    expect(seenBySpecial.specialCategoryNote).toContain("Trauma");
  });

  it("rejects malformed input with the shared error shape", async () => {
    const { session } = await buildMember(ctx);
    const wrongType = await session.post("/api/cases", { themes: "work" });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().error.code).toBe("validation_failed");
    const unknownTheme = await session.post("/api/cases", { themes: ["astrology"] });
    expect(unknownTheme.statusCode).toBe(400);
    const malformed = await session.request({
      method: "POST",
      url: "/api/cases",
      headers: { "content-type": "application/json" },
      payload: "{ not json",
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe("bad_request");
    const badId = await session.get("/api/cases/not-a-uuid");
    expect(badId.statusCode).toBe(400);
    const emptyPatch = await session.patch(
      `/api/cases/${(await session.post("/api/cases", {})).json().id}`,
      {},
    );
    expect(emptyPatch.statusCode).toBe(400);
  });

  it("only the owning agency changes a case", async () => {
    const owner = await buildMember(ctx);
    const partner = await buildMember(ctx);
    const created = (await owner.session.post("/api/cases", { summary: "vorher" })).json();
    await factories.grantSharingBasis(ctx.db, {
      caseId: created.id,
      agencyId: partner.agency.id,
      recordedBy: owner.user.id,
    });
    const attempt = await partner.session.patch(`/api/cases/${created.id}`, { summary: "nachher" });
    expect(attempt.statusCode).toBe(404);
    expect((await owner.session.get(`/api/cases/${created.id}`)).json().summary).toBe("vorher");
  });

  it("records a case search in the audit trail without the search text", async () => {
    const { session, agency } = await buildMember(ctx);
    const response = await session.get("/api/cases?q=Camara&status=open");
    expect(response.statusCode).toBe(200);
    const entries = await ctx.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.agencyId, agency.id), eq(schema.auditLog.action, "list")));
    expect(entries).toHaveLength(1);
    expect(entries[0]?.detail).toMatchObject({ filters: { status: "open", searched: true } });
    expect(JSON.stringify(entries[0]?.detail)).not.toContain("Camara");
  });
});
