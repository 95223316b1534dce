import { describe, expect, it } from "vitest";
import { buildMember } from "../../../test/builders.ts";
import { demoLikeCase } from "../../../test/scenarios.ts";
import { useTestApp } from "../../../test/test-app.ts";

const ctx = useTestApp();

const reason = "Die betroffene Person bestreitet die Richtigkeit";

describe("dispute marks (GDPR Art. 18, § 84 SGB X)", () => {
  it("marks a case, shows the mark to partners and in the export, and lifts it", async () => {
    const { owner, abh, caseRow } = await demoLikeCase(ctx);
    const url = `/api/cases/${caseRow.id}/dispute`;
    const marked = await owner.session.post(url, { reason });
    expect(marked.statusCode).toBe(201);
    expect(marked.json()).toMatchObject({
      caseId: caseRow.id,
      targetType: "case",
      targetId: caseRow.id,
      reason,
      raisedBy: { id: owner.agency.id },
      liftedAt: null,
    });
    const twice = await owner.session.post(url, { reason });
    expect(twice.statusCode).toBe(409);
    const seen = (await abh.session.get(`/api/cases/${caseRow.id}/disputes`)).json();
    expect(seen.disputes).toHaveLength(1);
    const exported = (await owner.session.get(`/api/cases/${caseRow.id}/export`)).json();
    expect(exported.case.disputed).toMatchObject({ reason });
    const html = (await owner.session.get(`/api/cases/${caseRow.id}/export?format=html`)).body;
    expect(html).toContain(reason);

    const lifted = await owner.session.post(`${url}/lift`, { note: "Berichtigt" });
    expect(lifted.statusCode).toBe(200);
    expect(lifted.json()).toMatchObject({ liftNote: "Berichtigt", liftedAt: expect.any(String) });
    expect((await owner.session.post(`${url}/lift`, {})).statusCode).toBe(409);
    const after = (await owner.session.get(`/api/cases/${caseRow.id}/export`)).json();
    expect(after.case.disputed).toBeNull();
  });

  it("carries a minutes mark into JSON, Markdown and PDF", async () => {
    const { owner, abh, minutesId } = await demoLikeCase(ctx);
    expect(
      (await owner.session.post(`/api/minutes/${minutesId}/dispute`, { reason })).statusCode,
    ).toBe(201);
    const json = (await abh.session.get(`/api/minutes/${minutesId}`)).json();
    expect(json.marks.dispute).toMatchObject({ reason });
    const markdown = (await abh.session.get(`/api/minutes/${minutesId}.md`)).body;
    expect(markdown).toContain("BESTRITTEN");
    expect(markdown).toContain(reason);
  });

  it("lets only the owning agency mark, and hides entries from others", async () => {
    const { abh, caseRow, minutesId, commentId } = await demoLikeCase(ctx);
    const outsider = await buildMember(ctx);
    const urls = [
      `/api/cases/${caseRow.id}/dispute`,
      `/api/minutes/${minutesId}/dispute`,
      `/api/action-comments/${commentId}/dispute`,
      `/api/action-comments/00000000-0000-4000-8000-000000000000/dispute`,
    ];
    for (const url of urls) {
      for (const session of [abh.session, outsider.session]) {
        const response = await session.post(url, { reason });
        expect(response.statusCode, url).toBe(404);
        expect(response.json().error.code).toBe("not_found");
        expect((await session.post(`${url}/lift`, {})).statusCode).toBe(404);
      }
      expect((await ctx.app.inject({ method: "POST", url, payload: { reason } })).statusCode).toBe(
        401,
      );
    }
    expect((await outsider.session.get(`/api/cases/${caseRow.id}/disputes`)).statusCode).toBe(404);
    expect(
      (await ctx.app.inject({ method: "GET", url: `/api/cases/${caseRow.id}/disputes` }))
        .statusCode,
    ).toBe(401);
  });

  it("refuses a mark without a reason or with an oversized one", async () => {
    const { owner, commentId } = await demoLikeCase(ctx);
    const url = `/api/action-comments/${commentId}/dispute`;
    for (const payload of [{}, { reason: "  " }, { reason: "x".repeat(2001) }, { reason: 42 }]) {
      const response = await owner.session.post(url, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json().error.code).toBe("validation_failed");
    }
    expect((await owner.session.post(url, { reason })).statusCode).toBe(201);
  });
});
