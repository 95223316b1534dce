import { describe, expect, it } from "vitest";
import { auditRowsOf } from "../../../test/audit-rows.ts";
import { buildCase, buildMember, factories } from "../../../test/builders.ts";
import { recordEvents } from "../../../test/events.ts";
import { secrecyReleaseBody } from "../../../test/request-bodies.ts";
import { useTestApp } from "../../../test/test-app.ts";
import { dateInDays } from "../../../test/time.ts";

const ctx = useTestApp();

const releasesUrl = (caseId: string) => `/api/cases/${caseId}/secrecy-releases`;

describe("secrecy releases", () => {
  it("the owner records a release; it grants no access by itself", async () => {
    const { owner, caseRow } = await buildCase(ctx, { ownerKind: "kim_case_management" });
    const partner = await buildMember(ctx, { kind: "jobcenter" });
    const response = await owner.session.post(
      releasesUrl(caseRow.id),
      secrecyReleaseBody(partner.agency.id, { validUntil: dateInDays(180) }),
    );
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      caseId: caseRow.id,
      agency: { id: partner.agency.id, name: partner.agency.name },
      form: "written",
      givenOn: dateInDays(-3),
      validUntil: dateInDays(180),
      recordedBy: { id: owner.user.id, displayName: owner.user.displayName },
      revokedAt: null,
      revokedBy: null,
      active: true,
    });
    expect((await partner.session.get(`/api/cases/${caseRow.id}`)).statusCode).toBe(404);
    expect((await partner.session.get(releasesUrl(caseRow.id))).statusCode).toBe(404);

    const listed = (await owner.session.get(releasesUrl(caseRow.id))).json().secrecyReleases;
    expect(listed.map((release: { id: string }) => release.id)).toEqual([response.json().id]);
    const audit = await auditRowsOf(ctx, caseRow.id, "secrecy_release");
    expect(audit.map((row) => row.action)).toEqual(["create", "view"]);
  });

  it("a receiving agency sees only the releases for its own staff", async () => {
    const { owner, caseRow } = await buildCase(ctx, { ownerKind: "kim_case_management" });
    const partner = await buildMember(ctx, { kind: "jobcenter" });
    const other = await buildMember(ctx);
    await factories.grantSharingBasis(ctx.db, {
      caseId: caseRow.id,
      agencyId: partner.agency.id,
      recordedBy: owner.user.id,
    });
    for (const agencyId of [partner.agency.id, other.agency.id]) {
      const created = await owner.session.post(
        releasesUrl(caseRow.id),
        secrecyReleaseBody(agencyId),
      );
      expect(created.statusCode).toBe(201);
    }
    const own = (await partner.session.get(releasesUrl(caseRow.id))).json().secrecyReleases;
    expect(own.map((release: { agency: { id: string } }) => release.agency.id)).toEqual([
      partner.agency.id,
    ]);
    expect((await owner.session.get(releasesUrl(caseRow.id))).json().secrecyReleases).toHaveLength(
      2,
    );
  });

  it("the owner revokes a release once; it stays listed as inactive", async () => {
    const { owner, caseRow } = await buildCase(ctx, { ownerKind: "kim_case_management" });
    const partner = await buildMember(ctx, { kind: "jobcenter" });
    await factories.grantSharingBasis(ctx.db, {
      caseId: caseRow.id,
      agencyId: partner.agency.id,
      recordedBy: owner.user.id,
    });
    const release = (
      await owner.session.post(releasesUrl(caseRow.id), secrecyReleaseBody(partner.agency.id))
    ).json();
    const revokeUrl = `${releasesUrl(caseRow.id)}/${release.id}/revoke`;
    const { events, stop } = recordEvents(ctx, { caseId: caseRow.id });

    expect((await partner.session.post(revokeUrl, {})).statusCode).toBe(404);
    const revoked = await owner.session.post(revokeUrl, {});
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json()).toMatchObject({
      active: false,
      revokedBy: { id: owner.user.id, displayName: owner.user.displayName },
    });
    const again = await owner.session.post(revokeUrl, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("conflict");
    stop();
    // A release never granted access, so there is nothing to cut off.
    expect(events).toEqual([]);
    expect((await partner.session.get(`/api/cases/${caseRow.id}`)).statusCode).toBe(200);

    const audit = await auditRowsOf(ctx, caseRow.id, "secrecy_release");
    expect(audit.filter((row) => row.action === "change")).toEqual([
      expect.objectContaining({ targetId: release.id, userId: owner.user.id }),
    ]);
  });

  it("answers 404 for a release of another case and 400 for a note it cannot keep", async () => {
    const { owner, caseRow } = await buildCase(ctx, { ownerKind: "kim_case_management" });
    const partner = await buildMember(ctx, { kind: "jobcenter" });
    const otherCase = await factories.createCase(ctx.db, { ownerAgencyId: owner.agency.id });
    const release = (
      await owner.session.post(releasesUrl(otherCase.id), secrecyReleaseBody(partner.agency.id))
    ).json();
    const wrongCase = await owner.session.post(
      `${releasesUrl(caseRow.id)}/${release.id}/revoke`,
      {},
    );
    expect(wrongCase.statusCode).toBe(404);
    const withNote = await owner.session.post(`${releasesUrl(otherCase.id)}/${release.id}/revoke`, {
      note: "telefonisch",
    });
    expect(withNote.statusCode).toBe(400);
    expect(withNote.json().error.code).toBe("validation_failed");
  });

  it("a receiving agency cannot record a release", async () => {
    const { owner, caseRow } = await buildCase(ctx, { ownerKind: "kim_case_management" });
    const partner = await buildMember(ctx, { kind: "jobcenter" });
    await factories.grantSharingBasis(ctx.db, {
      caseId: caseRow.id,
      agencyId: partner.agency.id,
      recordedBy: owner.user.id,
    });
    const attempt = await partner.session.post(
      releasesUrl(caseRow.id),
      secrecyReleaseBody(partner.agency.id),
    );
    expect(attempt.statusCode).toBe(404);
    expect((await owner.session.get(releasesUrl(caseRow.id))).json().secrecyReleases).toEqual([]);
  });

  it("rejects impossible releases with the shared error shape", async () => {
    const { owner, caseRow } = await buildCase(ctx, { ownerKind: "kim_case_management" });
    const partner = await buildMember(ctx, { kind: "jobcenter" });
    const send = (body: unknown) => owner.session.post(releasesUrl(caseRow.id), body);
    const cases: { body: unknown; status: number; path?: string }[] = [
      { body: { ...secrecyReleaseBody(partner.agency.id), scope: "  " }, status: 400 },
      { body: { ...secrecyReleaseBody(partner.agency.id), form: "oral" }, status: 400 },
      {
        body: secrecyReleaseBody(partner.agency.id, { givenOn: dateInDays(2) }),
        status: 422,
        path: "/givenOn",
      },
      {
        body: secrecyReleaseBody(partner.agency.id, { validUntil: dateInDays(-4) }),
        status: 422,
        path: "/validUntil",
      },
      {
        body: secrecyReleaseBody("00000000-0000-4000-8000-000000000000"),
        status: 422,
        path: "/agencyId",
      },
      { body: secrecyReleaseBody(owner.agency.id), status: 422, path: "/agencyId" },
    ];
    for (const { body, status, path } of cases) {
      const response = await send(body);
      expect(response.statusCode, JSON.stringify(body)).toBe(status);
      expect(response.json().error.code).toBe("validation_failed");
      if (path) {
        expect(response.json().error.details.problems).toEqual([expect.objectContaining({ path })]);
      }
    }
    expect((await owner.session.get(releasesUrl(caseRow.id))).json().secrecyReleases).toEqual([]);
  });
});
