import { schema } from "@runder-tisch/db";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditRowsOf } from "../../../test/audit-rows.ts";
import { buildCase, buildMember, buildSharedCase, factories } from "../../../test/builders.ts";
import { useTestApp } from "../../../test/test-app.ts";
import { dateInDays } from "../../../test/time.ts";

const ctx = useTestApp();

const shareBody = (agencyId: string, extra: Record<string, unknown> = {}) => ({
  kind: "share",
  agencyId,
  basis: {
    purpose: "Beratung zur Aufenthaltssicherung",
    categories: ["general"],
    legalBasis: {
      kind: "consent",
      form: "written",
      givenOn: dateInDays(-2),
      textVersion: "Einwilligung KIM v3",
    },
  },
  message: "Können Sie die Beratung übernehmen?",
  ...extra,
});

/** A case of a KIM office and an agency asked to join it, with a coordinator and a member. */
async function buildReferralScene() {
  const { owner, caseRow } = await buildCase(ctx, { ownerKind: "kim_case_management" });
  const coordinator = await buildMember(ctx, { kind: "migrationsberatung", role: "coordinator" });
  const member = await buildMember(ctx, { agency: coordinator.agency });
  return { owner, caseRow, coordinator, member, asked: coordinator.agency };
}

const notificationKinds = async (userId: string) =>
  (
    await ctx.db
      .select({ kind: schema.notifications.kind })
      .from(schema.notifications)
      .where(eq(schema.notifications.userId, userId))
  ).map((row) => row.kind);

describe("referrals: asking another agency to join a case", () => {
  it("the asked agency sees only what it needs to decide, and access starts on acceptance", async () => {
    const { owner, caseRow, coordinator, member, asked } = await buildReferralScene();
    const url = `/api/cases/${caseRow.id}/referrals`;

    const created = await owner.session.post(url, shareBody(asked.id));
    expect(created.statusCode).toBe(201);
    const referral = created.json();
    expect(referral).toMatchObject({
      caseId: caseRow.id,
      caseCode: caseRow.code,
      kind: "share",
      status: "pending",
      fromAgency: { id: owner.agency.id },
      toAgency: { id: asked.id },
      requestedBy: { id: owner.user.id },
      mayWithdraw: true,
      mayDecide: false,
    });

    // Before deciding: the request, but not the case.
    expect((await coordinator.session.get(`/api/cases/${caseRow.id}`)).statusCode).toBe(404);
    const incoming = (await coordinator.session.get("/api/referrals/incoming")).json().referrals;
    expect(incoming).toHaveLength(1);
    expect(incoming[0]).toMatchObject({
      id: referral.id,
      caseCode: caseRow.code,
      basis: { purpose: "Beratung zur Aufenthaltssicherung", categories: ["general"] },
      message: "Können Sie die Beratung übernehmen?",
      fromAgency: { id: owner.agency.id, name: owner.agency.name },
      mayDecide: true,
      mayWithdraw: false,
    });
    expect(Object.keys(incoming[0])).not.toContain("summary");
    // Its coordinator is told (by case code, though the case is not visible yet); not the member.
    expect(await notificationKinds(coordinator.user.id)).toEqual(["referral_requested"]);
    expect(await notificationKinds(member.user.id)).toEqual([]);
    const told = (await coordinator.session.get("/api/notifications")).json().notifications;
    expect(told).toMatchObject([{ kind: "referral_requested", caseCode: caseRow.code }]);

    const accepted = await coordinator.session.post(`/api/referrals/${referral.id}/accept`, {});
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({
      status: "accepted",
      decidedBy: { id: coordinator.user.id },
      mayDecide: false,
    });
    expect((await coordinator.session.get(`/api/cases/${caseRow.id}`)).statusCode).toBe(200);
    expect((await member.session.get(`/api/cases/${caseRow.id}`)).statusCode).toBe(200);

    // The basis is the request's, recorded by the person who asked.
    const bases = (await owner.session.get(`/api/cases/${caseRow.id}/sharing-bases`)).json();
    expect(bases.sharingBases).toMatchObject([
      {
        agency: { id: asked.id },
        purpose: "Beratung zur Aufenthaltssicherung",
        legalBasis: { kind: "consent", recordedBy: { id: owner.user.id } },
        active: true,
      },
    ]);
    expect(await notificationKinds(owner.user.id)).toEqual(["referral_accepted"]);
    const audited = await auditRowsOf(ctx, caseRow.id, "referral");
    expect(audited.map((row) => [row.action, row.userId])).toEqual([
      ["create", owner.user.id],
      ["change", coordinator.user.id],
    ]);
    const basisAudit = await auditRowsOf(ctx, caseRow.id, "sharing_basis");
    expect(basisAudit.filter((row) => row.action === "create")).toMatchObject([
      { userId: coordinator.user.id, detail: { referralId: referral.id, agencyId: asked.id } },
    ]);
  });

  it("a decline needs a reason, tells the asker, and the owner may ask again", async () => {
    const { owner, caseRow, coordinator, asked } = await buildReferralScene();
    const url = `/api/cases/${caseRow.id}/referrals`;
    const first = (await owner.session.post(url, shareBody(asked.id))).json();

    const noReason = await coordinator.session.post(`/api/referrals/${first.id}/decline`, {});
    expect(noReason.statusCode).toBe(400);
    const broken = await coordinator.session.post(`/api/referrals/${first.id}/decline`, {
      reason: "Keine\u0000Kapazität",
    });
    expect(broken.json().error.details.problems[0].reason).toBe("invalid_character");
    const named = await coordinator.session.post(`/api/referrals/${first.id}/decline`, {
      reason: "Herr Mamadou Camara, geboren am 14.03.1999, ist bei uns bekannt.",
    });
    expect(named.statusCode).toBe(422);
    expect(named.json().error.reason).toBe("personal_data_found");

    const declined = await coordinator.session.post(`/api/referrals/${first.id}/decline`, {
      reason: "Keine Kapazität bis Februar",
    });
    expect(declined.statusCode).toBe(200);
    expect(declined.json()).toMatchObject({ status: "declined" });
    expect(await notificationKinds(owner.user.id)).toEqual(["referral_declined"]);
    expect((await coordinator.session.get(`/api/cases/${caseRow.id}`)).statusCode).toBe(404);
    const again = await coordinator.session.post(`/api/referrals/${first.id}/accept`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error.reason).toBe("referral_not_pending");

    const list = (await owner.session.get(url)).json().referrals;
    expect(list).toMatchObject([
      { id: first.id, status: "declined", declineReason: "Keine Kapazität bis Februar" },
    ]);
    const second = await owner.session.post(url, shareBody(asked.id));
    expect(second.statusCode).toBe(201);
    const ok = await coordinator.session.post(`/api/referrals/${second.json().id}/accept`, {});
    expect(ok.statusCode).toBe(200);
    expect((await coordinator.session.get(`/api/cases/${caseRow.id}`)).statusCode).toBe(200);
  });

  it("refuses a referral that cannot be, each with its reason", async () => {
    const { owner, caseRow, asked } = await buildSharedCase(ctx).then(async (shared) => ({
      ...shared,
      asked: (await buildMember(ctx)).agency,
    }));
    const url = `/api/cases/${caseRow.id}/referrals`;
    const reasonOf = async (body: unknown) => {
      const response = await owner.session.post(url, body);
      return [
        response.statusCode,
        response.json().error.reason ?? response.json().error.details?.problems?.[0]?.reason,
      ];
    };
    const partnerAgency = (
      await ctx.db
        .select({ agencyId: schema.sharingBases.agencyId })
        .from(schema.sharingBases)
        .where(eq(schema.sharingBases.caseId, caseRow.id))
    )[0]?.agencyId as string;
    const inactive = await factories.createAgency(ctx.db, { active: false });

    expect(await reasonOf(shareBody(owner.agency.id))).toEqual([422, "agency_is_owner"]);
    expect(await reasonOf(shareBody(partnerAgency))).toEqual([422, "agency_already_has_access"]);
    expect(await reasonOf(shareBody(inactive.id))).toEqual([422, "agency_inactive"]);
    expect(await reasonOf(shareBody(crypto.randomUUID()))).toEqual([422, "agency_unknown"]);
    expect(await reasonOf({ ...shareBody(asked.id), basis: undefined })).toEqual([400, "required"]);
    expect(
      await reasonOf(
        shareBody(asked.id, { message: "Herr Mamadou Camara, geboren am 14.03.1999." }),
      ),
    ).toEqual([422, "personal_data_found"]);
    expect((await owner.session.post(url, shareBody(asked.id))).statusCode).toBe(201);
    expect(await reasonOf(shareBody(asked.id))).toEqual([409, "referral_already_pending"]);
  });

  it("only the asked agency's coordinators decide; others get 403 or 404", async () => {
    const { owner, caseRow, coordinator, member, asked } = await buildReferralScene();
    const partnerOfCase = await buildMember(ctx);
    await factories.grantSharingBasis(ctx.db, {
      caseId: caseRow.id,
      agencyId: partnerOfCase.agency.id,
      recordedBy: owner.user.id,
    });
    const outsider = await buildMember(ctx, { role: "coordinator" });
    const referral = (
      await owner.session.post(`/api/cases/${caseRow.id}/referrals`, shareBody(asked.id))
    ).json();
    const act = (session: typeof owner.session, what: string) =>
      session.post(
        `/api/referrals/${referral.id}/${what}`,
        what === "decline" ? { reason: "x" } : {},
      );

    for (const stranger of [outsider, partnerOfCase]) {
      for (const what of ["accept", "decline", "withdraw"]) {
        expect((await act(stranger.session, what)).statusCode).toBe(404);
      }
      expect((await stranger.session.get("/api/referrals/incoming")).json().referrals).toEqual([]);
      expect((await stranger.session.get(`/api/cases/${caseRow.id}/referrals`)).statusCode).toBe(
        404,
      );
    }
    const memberTry = await act(member.session, "accept");
    expect(memberTry.statusCode).toBe(403);
    expect(memberTry.json().error.reason).toBe("coordinator_only");
    const incomingForMember = (await member.session.get("/api/referrals/incoming")).json();
    expect(incomingForMember.referrals).toMatchObject([{ id: referral.id, mayDecide: false }]);
    expect((await act(coordinator.session, "withdraw")).statusCode).toBe(403);
    expect((await act(owner.session, "accept")).statusCode).toBe(403);
    expect((await coordinator.session.get(`/api/cases/${caseRow.id}/referrals`)).statusCode).toBe(
      404,
    );
    const denials = await ctx.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.userId, outsider.user.id));
    expect(denials.filter((row) => row.action === "denied")).toHaveLength(4);

    // An agency without coordinators decides through its members.
    const small = await buildMember(ctx);
    const toSmall = (
      await owner.session.post(`/api/cases/${caseRow.id}/referrals`, shareBody(small.agency.id))
    ).json();
    expect(await notificationKinds(small.user.id)).toEqual(["referral_requested"]);
    const accepted = await small.session.post(`/api/referrals/${toSmall.id}/accept`, {});
    expect(accepted.statusCode).toBe(200);
  });

  it("the owner withdraws a pending request; it can then not be accepted", async () => {
    const { owner, caseRow, coordinator, asked } = await buildReferralScene();
    const referral = (
      await owner.session.post(`/api/cases/${caseRow.id}/referrals`, shareBody(asked.id))
    ).json();
    const withdrawn = await owner.session.post(`/api/referrals/${referral.id}/withdraw`, {});
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json()).toMatchObject({ status: "withdrawn", mayWithdraw: false });
    const incoming = (await coordinator.session.get("/api/referrals/incoming")).json().referrals;
    expect(incoming).toMatchObject([{ id: referral.id, status: "withdrawn", mayDecide: false }]);
    const late = await coordinator.session.post(`/api/referrals/${referral.id}/accept`, {});
    expect(late.statusCode).toBe(409);
    expect((await coordinator.session.get(`/api/cases/${caseRow.id}`)).statusCode).toBe(404);
  });
});
