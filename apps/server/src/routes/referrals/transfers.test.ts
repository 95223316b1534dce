import { schema } from "@runder-tisch/db";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditRowsOf } from "../../../test/audit-rows.ts";
import { buildCase, buildMember } from "../../../test/builders.ts";
import { recordEvents } from "../../../test/events.ts";
import { useTestApp } from "../../../test/test-app.ts";

const ctx = useTestApp();

const keepAccess = {
  purpose: "Nachbetreuung nach Umzug",
  categories: ["general"],
  legalBasis: { kind: "statute", norm: "§ 69 Abs. 1 Nr. 1 SGB X" },
};

async function accessVersion() {
  const [row] = await ctx.db.select().from(schema.accessVersion);
  return row?.value ?? 0n;
}

async function buildTransferScene() {
  const { owner, caseRow } = await buildCase(ctx, { ownerKind: "kim_case_management" });
  const receiver = await buildMember(ctx, { kind: "kim_case_management", role: "coordinator" });
  return { owner, caseRow, receiver };
}

describe("transferring a case to another agency", () => {
  it("refuses a transfer to the owning agency itself", async () => {
    const { owner, caseRow } = await buildTransferScene();
    const response = await owner.session.post(`/api/cases/${caseRow.id}/referrals`, {
      kind: "transfer",
      agencyId: owner.agency.id,
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.details.problems[0].reason).toBe("agency_is_owner");
  });

  it("on acceptance the case changes hands and the previous owner loses it without a basis", async () => {
    const { owner, caseRow, receiver } = await buildTransferScene();
    const other = await buildMember(ctx, { role: "coordinator" });
    const url = `/api/cases/${caseRow.id}/referrals`;
    const transfer = (
      await owner.session.post(url, {
        kind: "transfer",
        agencyId: receiver.agency.id,
        message: "Die Person zieht in Ihren Kreis.",
      })
    ).json();
    expect(transfer).toMatchObject({ kind: "transfer", status: "pending", basis: null });
    const stale = (
      await owner.session.post(url, {
        kind: "share",
        agencyId: other.agency.id,
        basis: keepAccess,
      })
    ).json();
    expect((await receiver.session.get(`/api/cases/${caseRow.id}`)).statusCode).toBe(404);

    const before = await accessVersion();
    const { events, stop } = recordEvents(ctx, { kind: "access.revoked", caseId: caseRow.id });
    const accepted = await receiver.session.post(`/api/referrals/${transfer.id}/accept`, {});
    stop();
    expect(accepted.statusCode).toBe(200);
    expect(await accessVersion()).toBeGreaterThan(before);
    expect(events).toEqual([
      { kind: "access.revoked", caseId: caseRow.id, agencyId: owner.agency.id },
    ]);

    const [row] = await ctx.db.select().from(schema.cases).where(eq(schema.cases.id, caseRow.id));
    expect(row?.ownerAgencyId).toBe(receiver.agency.id);
    const seen = await receiver.session.get(`/api/cases/${caseRow.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().access.isOwner).toBe(true);
    expect((await owner.session.get(`/api/cases/${caseRow.id}`)).statusCode).toBe(404);
    // The old owner's open request lapses: it no longer speaks for the case.
    const late = await other.session.post(`/api/referrals/${stale.id}/accept`, {});
    expect(late.statusCode).toBe(409);
    expect((await other.session.get(`/api/cases/${caseRow.id}`)).statusCode).toBe(404);
    // The new owner sees the history of requests, the audit trail who handed over to whom.
    const history = (await receiver.session.get(url)).json().referrals;
    expect(history.map((r: { status: string }) => r.status).sort()).toEqual([
      "accepted",
      "withdrawn",
    ]);
    const audited = await auditRowsOf(ctx, caseRow.id, "referral");
    expect(audited.find((r) => r.action === "change" && r.targetId === transfer.id)).toMatchObject({
      userId: receiver.user.id,
      detail: { status: "accepted", ownerFrom: owner.agency.id, ownerTo: receiver.agency.id },
    });
    // The asker still learns of the answer, by the case code alone.
    const told = (await owner.session.get("/api/notifications")).json().notifications;
    expect(told).toMatchObject([{ kind: "referral_accepted", caseCode: caseRow.code }]);
  });

  it("with a basis named in the request the previous owner keeps access as a partner", async () => {
    const { owner, caseRow, receiver } = await buildTransferScene();
    const transfer = (
      await owner.session.post(`/api/cases/${caseRow.id}/referrals`, {
        kind: "transfer",
        agencyId: receiver.agency.id,
        basis: keepAccess,
      })
    ).json();
    const accepted = await receiver.session.post(`/api/referrals/${transfer.id}/accept`, {});
    expect(accepted.statusCode).toBe(200);
    const seen = await owner.session.get(`/api/cases/${caseRow.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().access.isOwner).toBe(false);
    expect(
      (await owner.session.patch(`/api/cases/${caseRow.id}`, { summary: "neu" })).statusCode,
    ).toBe(404);
    const bases = (await receiver.session.get(`/api/cases/${caseRow.id}/sharing-bases`)).json();
    expect(bases.sharingBases).toMatchObject([
      {
        agency: { id: owner.agency.id },
        purpose: "Nachbetreuung nach Umzug",
        legalBasis: { kind: "statute", recordedBy: { id: owner.user.id } },
      },
    ]);
  });

  it("a partner that takes the case over and hands it back keeps no access through its old basis", async () => {
    const { owner, caseRow, receiver } = await buildTransferScene();
    await ctx.db.insert(schema.sharingBases).values({
      caseId: caseRow.id,
      agencyId: receiver.agency.id,
      purpose: "Begleitung",
      categories: ["general"],
      legalBasis: "statute",
      statuteNorm: "§ 69 SGB X",
      recordedBy: owner.user.id,
    });
    const there = (
      await owner.session.post(`/api/cases/${caseRow.id}/referrals`, {
        kind: "transfer",
        agencyId: receiver.agency.id,
      })
    ).json();
    expect((await receiver.session.post(`/api/referrals/${there.id}/accept`, {})).statusCode).toBe(
      200,
    );
    const bases = (await receiver.session.get(`/api/cases/${caseRow.id}/sharing-bases`)).json();
    expect(bases.sharingBases).toMatchObject([
      { agency: { id: receiver.agency.id }, active: false },
    ]);

    const ownerAgain = await buildMember(ctx, { agency: owner.agency, role: "coordinator" });
    const back = (
      await receiver.session.post(`/api/cases/${caseRow.id}/referrals`, {
        kind: "transfer",
        agencyId: owner.agency.id,
      })
    ).json();
    expect((await ownerAgain.session.post(`/api/referrals/${back.id}/accept`, {})).statusCode).toBe(
      200,
    );
    expect((await owner.session.get(`/api/cases/${caseRow.id}`)).json().access.isOwner).toBe(true);
    expect((await receiver.session.get(`/api/cases/${caseRow.id}`)).statusCode).toBe(404);
  });
});
