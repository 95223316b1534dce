import { TEXT_LIMITS } from "@runder-tisch/contracts";
import { describe, expect, it } from "vitest";
import { auditRowsOf } from "../../../test/audit-rows.ts";
import { buildCase, buildMember, factories } from "../../../test/builders.ts";
import { recordEvents } from "../../../test/events.ts";
import { useTestApp } from "../../../test/test-app.ts";

const ctx = useTestApp();

const ids = (items: { id: string }[]) => items.map((item) => item.id);

describe("revoking a sharing basis", () => {
  it("cuts the receiving agency off at once and announces it", async () => {
    const { owner, caseRow } = await buildCase(ctx, { ownerKind: "kim_case_management" });
    const partner = await buildMember(ctx, { kind: "jobcenter" });
    const basis = await factories.grantSharingBasis(ctx.db, {
      caseId: caseRow.id,
      agencyId: partner.agency.id,
      recordedBy: owner.user.id,
    });
    expect((await partner.session.get(`/api/cases/${caseRow.id}`)).statusCode).toBe(200);

    const { events, stop } = recordEvents(ctx, { caseId: caseRow.id });
    const response = await owner.session.post(
      `/api/cases/${caseRow.id}/sharing-bases/${basis.id}/revoke`,
      { note: "Klient hat die Einwilligung für das Jobcenter widerrufen" },
    );
    stop();
    expect(response.statusCode).toBe(200);
    const revoked = response.json();
    expect(revoked.active).toBe(false);
    expect(Date.parse(revoked.revokedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(revoked.revokedBy).toEqual({ id: owner.user.id, displayName: owner.user.displayName });
    expect(revoked.revocationNote).toContain("widerrufen");
    expect(events).toEqual([
      { kind: "access.revoked", caseId: caseRow.id, agencyId: partner.agency.id },
    ]);

    const seen = await partner.session.get(`/api/cases/${caseRow.id}`);
    expect(seen.statusCode).toBe(404);
    expect(ids((await partner.session.get("/api/cases")).json().cases)).not.toContain(caseRow.id);

    const changes = (await auditRowsOf(ctx, caseRow.id, "sharing_basis")).filter(
      (row) => row.action === "change",
    );
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      targetId: basis.id,
      userId: owner.user.id,
      detail: { revoked: true, agencyId: partner.agency.id, accessEnded: true },
    });
  });

  it("keeps access while another active basis remains and announces only the last one", async () => {
    const { owner, caseRow } = await buildCase(ctx, { ownerKind: "kim_case_management" });
    const partner = await buildMember(ctx, { kind: "jobcenter" });
    const grant = { caseId: caseRow.id, agencyId: partner.agency.id, recordedBy: owner.user.id };
    const first = await factories.grantSharingBasis(ctx.db, grant);
    const second = await factories.grantSharingBasis(ctx.db, { ...grant, legalBasis: "statute" });
    // Expired bases must not count as "another active basis".
    await factories.grantSharingBasis(ctx.db, { ...grant, validUntil: "2020-01-01" });
    const { events, stop } = recordEvents(ctx, { caseId: caseRow.id });
    const revokeUrl = (id: string) => `/api/cases/${caseRow.id}/sharing-bases/${id}/revoke`;

    expect((await owner.session.post(revokeUrl(first.id), {})).statusCode).toBe(200);
    expect(events).toEqual([]);
    expect((await partner.session.get(`/api/cases/${caseRow.id}`)).statusCode).toBe(200);
    // The receiving agency sees its revoked basis, but not the owner's note on it.
    const own = (await partner.session.get(`/api/cases/${caseRow.id}/sharing-bases`)).json();
    expect(own.sharingBases.find((b: { id: string }) => b.id === first.id)).toMatchObject({
      active: false,
      revocationNote: null,
    });

    expect((await owner.session.post(revokeUrl(second.id), {})).statusCode).toBe(200);
    stop();
    expect(events).toEqual([
      { kind: "access.revoked", caseId: caseRow.id, agencyId: partner.agency.id },
    ]);
    expect((await partner.session.get(`/api/cases/${caseRow.id}`)).statusCode).toBe(404);
  });

  it("announces exactly once when the last two bases are revoked at the same moment", async () => {
    const { owner, caseRow } = await buildCase(ctx, { ownerKind: "kim_case_management" });
    const partner = await buildMember(ctx, { kind: "jobcenter" });
    const grant = { caseId: caseRow.id, agencyId: partner.agency.id, recordedBy: owner.user.id };
    const first = await factories.grantSharingBasis(ctx.db, grant);
    const second = await factories.grantSharingBasis(ctx.db, grant);
    const { events, stop } = recordEvents(ctx, { caseId: caseRow.id });
    const revoke = (id: string) =>
      owner.session.post(`/api/cases/${caseRow.id}/sharing-bases/${id}/revoke`, {});

    const responses = await Promise.all([revoke(first.id), revoke(second.id), revoke(first.id)]);
    stop();
    expect(responses.map((response) => response.statusCode).sort()).toEqual([200, 200, 409]);
    expect(events).toEqual([
      { kind: "access.revoked", caseId: caseRow.id, agencyId: partner.agency.id },
    ]);
  });

  it("answers 409 when the basis is already revoked", async () => {
    const { owner, caseRow } = await buildCase(ctx, { ownerKind: "kim_case_management" });
    const partner = await buildMember(ctx, { kind: "jobcenter" });
    const basis = await factories.grantSharingBasis(ctx.db, {
      caseId: caseRow.id,
      agencyId: partner.agency.id,
      recordedBy: owner.user.id,
    });
    const url = `/api/cases/${caseRow.id}/sharing-bases/${basis.id}/revoke`;
    const { events, stop } = recordEvents(ctx, { caseId: caseRow.id });
    expect((await owner.session.post(url, {})).statusCode).toBe(200);
    const again = await owner.session.post(url, { note: "doppelt" });
    stop();
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("conflict");
    expect(events).toHaveLength(1);
  });

  it("answers 404 for a basis of another case", async () => {
    const { owner, caseRow } = await buildCase(ctx, { ownerKind: "kim_case_management" });
    const partner = await buildMember(ctx, { kind: "jobcenter" });
    const otherCase = await factories.createCase(ctx.db, { ownerAgencyId: owner.agency.id });
    const basis = await factories.grantSharingBasis(ctx.db, {
      caseId: otherCase.id,
      agencyId: partner.agency.id,
      recordedBy: owner.user.id,
    });
    const response = await owner.session.post(
      `/api/cases/${caseRow.id}/sharing-bases/${basis.id}/revoke`,
      {},
    );
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe("not_found");
    expect((await partner.session.get(`/api/cases/${otherCase.id}`)).statusCode).toBe(200);
  });

  it("rejects an overlong note", async () => {
    const { owner, caseRow } = await buildCase(ctx, { ownerKind: "kim_case_management" });
    const partner = await buildMember(ctx, { kind: "jobcenter" });
    const basis = await factories.grantSharingBasis(ctx.db, {
      caseId: caseRow.id,
      agencyId: partner.agency.id,
      recordedBy: owner.user.id,
    });
    const response = await owner.session.post(
      `/api/cases/${caseRow.id}/sharing-bases/${basis.id}/revoke`,
      { note: "x".repeat(TEXT_LIMITS.reason + 1) },
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: "validation_failed", reason: "too_long" });
  });
});
