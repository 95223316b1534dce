import { describe, expect, it } from "vitest";
import { auditRowsOf } from "../../../test/audit-rows.ts";
import { buildCase, buildMember, factories } from "../../../test/builders.ts";
import { consentBasisBody } from "../../../test/request-bodies.ts";
import { useTestApp } from "../../../test/test-app.ts";
import { dateInDays } from "../../../test/time.ts";

const ctx = useTestApp();

const ids = (items: { id: string }[]) => items.map((item) => item.id);

describe("sharing bases", () => {
  it("the owner grants a consent basis and the receiving agency then sees the case", async () => {
    const { owner, caseRow } = await buildCase(ctx, { ownerKind: "kim_case_management" });
    const partner = await buildMember(ctx, { kind: "jobcenter" });
    expect((await partner.session.get(`/api/cases/${caseRow.id}`)).statusCode).toBe(404);

    const response = await owner.session.post(
      `/api/cases/${caseRow.id}/sharing-bases`,
      consentBasisBody(partner.agency.id, { categories: ["general", "general"] }),
    );
    expect(response.statusCode).toBe(201);
    const basis = response.json();
    expect(basis).toMatchObject({
      caseId: caseRow.id,
      agency: { id: partner.agency.id, name: partner.agency.name },
      categories: ["general"],
      legalBasis: {
        kind: "consent",
        form: "written",
        givenOn: dateInDays(-10),
        textVersion: "Einwilligung KIM v3",
        validUntil: null,
        recordedBy: { id: owner.user.id, displayName: owner.user.displayName },
      },
      revokedAt: null,
      revokedBy: null,
      active: true,
    });
    expect(Object.keys(basis.legalBasis.recordedBy)).toEqual(["id", "displayName"]);

    expect((await partner.session.get(`/api/cases/${caseRow.id}`)).statusCode).toBe(200);
    const partnerCases = (await partner.session.get("/api/cases")).json().cases;
    expect(ids(partnerCases)).toContain(caseRow.id);

    const created = await auditRowsOf(ctx, caseRow.id, "sharing_basis");
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({
      action: "create",
      targetId: basis.id,
      userId: owner.user.id,
      agencyId: owner.agency.id,
    });
  });

  it("records a statutory basis with an end date", async () => {
    const { owner, caseRow } = await buildCase(ctx, { ownerKind: "kim_case_management" });
    const partner = await buildMember(ctx, { kind: "jobcenter" });
    const response = await owner.session.post(`/api/cases/${caseRow.id}/sharing-bases`, {
      agencyId: partner.agency.id,
      purpose: "Prüfung § 104c AufenthG",
      categories: ["general", "special"],
      legalBasis: {
        kind: "statute",
        norm: "§ 69 Abs. 1 Nr. 1 SGB X",
        validUntil: dateInDays(90),
      },
    });
    expect(response.statusCode).toBe(201);
    expect(response.json().legalBasis).toMatchObject({
      kind: "statute",
      norm: "§ 69 Abs. 1 Nr. 1 SGB X",
      validUntil: dateInDays(90),
    });
    expect(response.json().legalBasis).not.toHaveProperty("givenOn");
  });

  it("the owner sees every basis newest first; a receiving agency only its own", async () => {
    const { owner, caseRow } = await buildCase(ctx, { ownerKind: "kim_case_management" });
    const partner = await buildMember(ctx, { kind: "jobcenter" });
    const other = await buildMember(ctx);
    const outsider = await buildMember(ctx);
    const grant = { caseId: caseRow.id, recordedBy: owner.user.id };
    // Recorded a minute apart: "newest first" needs times that differ.
    const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);
    const revoked = await factories.grantSharingBasis(ctx.db, {
      ...grant,
      agencyId: partner.agency.id,
      revokedAt: new Date(),
      createdAt: minutesAgo(4),
    });
    const expired = await factories.grantSharingBasis(ctx.db, {
      ...grant,
      agencyId: other.agency.id,
      validUntil: dateInDays(-1),
      createdAt: minutesAgo(3),
    });
    const othersActive = await factories.grantSharingBasis(ctx.db, {
      ...grant,
      agencyId: other.agency.id,
      createdAt: minutesAgo(2),
    });
    const partnersActive = await factories.grantSharingBasis(ctx.db, {
      ...grant,
      agencyId: partner.agency.id,
      createdAt: minutesAgo(1),
    });

    const url = `/api/cases/${caseRow.id}/sharing-bases`;
    const all = (await owner.session.get(url)).json().sharingBases;
    expect(ids(all)).toEqual([partnersActive.id, othersActive.id, expired.id, revoked.id]);
    expect(all.map((basis: { active: boolean }) => basis.active)).toEqual([
      true,
      true,
      false,
      false,
    ]);

    const own = (await partner.session.get(url)).json().sharingBases;
    expect(ids(own)).toEqual([partnersActive.id, revoked.id]);
    expect(JSON.stringify(own)).not.toContain(other.agency.id);

    const denied = await outsider.session.get(url);
    expect(denied.statusCode).toBe(404);
    expect(denied.json().error.code).toBe("not_found");

    const views = (await auditRowsOf(ctx, caseRow.id, "sharing_basis")).filter(
      (row) => row.action === "view",
    );
    expect(views.map((row) => row.agencyId)).toEqual([owner.agency.id, partner.agency.id]);
  });

  it("an expired basis gives no access", async () => {
    const { owner, caseRow } = await buildCase(ctx, { ownerKind: "kim_case_management" });
    const partner = await buildMember(ctx, { kind: "jobcenter" });
    await factories.grantSharingBasis(ctx.db, {
      caseId: caseRow.id,
      agencyId: partner.agency.id,
      recordedBy: owner.user.id,
      validUntil: dateInDays(-1),
    });
    expect((await partner.session.get(`/api/cases/${caseRow.id}`)).statusCode).toBe(404);
    expect(ids((await partner.session.get("/api/cases")).json().cases)).not.toContain(caseRow.id);
    const sharing = await partner.session.get(`/api/cases/${caseRow.id}/sharing-bases`);
    expect(sharing.statusCode).toBe(404);
  });

  it("a receiving agency can neither grant nor revoke", async () => {
    const { owner, caseRow } = await buildCase(ctx, { ownerKind: "kim_case_management" });
    const partner = await buildMember(ctx, { kind: "jobcenter" });
    const third = await buildMember(ctx);
    const basis = await factories.grantSharingBasis(ctx.db, {
      caseId: caseRow.id,
      agencyId: partner.agency.id,
      recordedBy: owner.user.id,
    });
    const url = `/api/cases/${caseRow.id}/sharing-bases`;
    const grant = await partner.session.post(url, consentBasisBody(third.agency.id));
    expect(grant.statusCode).toBe(404);
    const revoke = await partner.session.post(`${url}/${basis.id}/revoke`, {});
    expect(revoke.statusCode).toBe(404);

    const bases = (await owner.session.get(url)).json().sharingBases;
    expect(bases).toHaveLength(1);
    expect(bases[0].active).toBe(true);
    const denied = (await auditRowsOf(ctx, caseRow.id, "case")).filter(
      (row) => row.action === "denied",
    );
    expect(denied).toHaveLength(2);
  });

  it("rejects malformed or impossible bases with the shared error shape", async () => {
    const { owner, caseRow } = await buildCase(ctx, { ownerKind: "kim_case_management" });
    const partner = await buildMember(ctx, { kind: "jobcenter" });
    const inactive = await factories.createAgency(ctx.db, { active: false });
    const url = `/api/cases/${caseRow.id}/sharing-bases`;
    const send = (body: unknown) => owner.session.post(url, body);
    const consent = {
      kind: "consent",
      form: "written",
      givenOn: dateInDays(-10),
      textVersion: "Einwilligung KIM v3",
    } as const;

    const { legalBasis: _omitted, ...withoutBasis } = consentBasisBody(partner.agency.id);
    const cases: { body: unknown; status: number; path?: string; reason?: string }[] = [
      { body: withoutBasis, status: 400 },
      { body: { ...consentBasisBody(partner.agency.id), categories: [] }, status: 400 },
      {
        body: consentBasisBody(partner.agency.id, {
          legalBasis: { kind: "contract", norm: "x" } as never,
        }),
        status: 400,
      },
      {
        body: consentBasisBody(partner.agency.id, {
          legalBasis: { ...consent, givenOn: dateInDays(1) },
        }),
        status: 422,
        path: "/legalBasis/givenOn",
        reason: "date_in_future",
      },
      {
        body: consentBasisBody(partner.agency.id, {
          legalBasis: { ...consent, validUntil: dateInDays(-11) },
        }),
        status: 422,
        path: "/legalBasis/validUntil",
        reason: "ends_before_given",
      },
      {
        body: consentBasisBody("00000000-0000-4000-8000-000000000000"),
        status: 422,
        path: "/agencyId",
        reason: "agency_unknown",
      },
      {
        body: consentBasisBody(owner.agency.id),
        status: 422,
        path: "/agencyId",
        reason: "agency_is_owner",
      },
      {
        body: consentBasisBody(inactive.id),
        status: 422,
        path: "/agencyId",
        reason: "agency_inactive",
      },
    ];
    for (const { body, status, path, reason } of cases) {
      const response = await send(body);
      expect(response.statusCode, JSON.stringify(body)).toBe(status);
      const { error } = response.json();
      expect(error.code).toBe("validation_failed");
      if (path) {
        expect(error.details.problems).toEqual([expect.objectContaining({ where: "body", path })]);
      }
      if (reason) expect(error.reason).toBe(reason);
    }
    expect((await owner.session.get(url)).json().sharingBases).toEqual([]);
    expect((await partner.session.get(`/api/cases/${caseRow.id}`)).statusCode).toBe(404);
  });
});
