import type { TPathwayChecklist } from "@runder-tisch/contracts";
import { describe, expect, it } from "vitest";
import {
  buildCase,
  buildMember,
  buildSharedCase,
  factories,
  type Member,
} from "../../../test/builders.ts";
import { useTestApp } from "../../../test/test-app.ts";

const ctx = useTestApp();

/** An immigration office with a member and an active basis for the case. */
async function immigrationOfficeOn(caseId: string, recordedBy: string): Promise<Member> {
  const abh = await buildMember(ctx, { kind: "auslaenderbehoerde" });
  await factories.grantSharingBasis(ctx.db, { caseId, agencyId: abh.agency.id, recordedBy });
  return abh;
}

const pathwaysOf = (caseId: string) => `/api/cases/${caseId}/pathways`;
const itemUrl = (caseId: string, checklistId: string, key: string) =>
  `/api/cases/${caseId}/pathways/${checklistId}/prerequisites/${key}`;

async function start(member: Member, caseId: string, pathwayKey = "aufenthg-104c") {
  const response = await member.session.post(pathwaysOf(caseId), { pathwayKey });
  expect(response.statusCode).toBe(201);
  return response.json() as TPathwayChecklist;
}

describe("residence pathway templates", () => {
  it("ships the six pathways, each with a few plainly worded prerequisites", async () => {
    const member = await buildMember(ctx);
    const response = await member.session.get("/api/pathways/templates");
    expect(response.statusCode).toBe(200);
    const { templates, mayEdit } = response.json();
    expect(mayEdit).toBe(false);
    const keys = templates.map((template: { pathwayKey: string }) => template.pathwayKey);
    for (const key of [
      "aufenthg-104c",
      "aufenthg-25a",
      "aufenthg-25b",
      "aufenthg-60c",
      "aufenthg-60d",
      "stag-10",
    ]) {
      expect(keys).toContain(key);
    }
    for (const template of templates) {
      expect(template.prerequisites.length).toBeGreaterThanOrEqual(4);
      expect(template.prerequisites.length).toBeLessThanOrEqual(6);
      for (const item of template.prerequisites) {
        expect(item.de.length).toBeGreaterThan(5);
        expect(item.en.length).toBeGreaterThan(5);
        expect(item.actionTitleDe.length).toBeGreaterThan(5);
      }
    }
    const naturalisation = templates.find(
      (t: { pathwayKey: string }) => t.pathwayKey === "stag-10",
    );
    expect(
      naturalisation.prerequisites.map((p: { actionTitleDe: string }) => p.actionTitleDe),
    ).toContain("B1-Zertifikat nachweisen");
  });
});

describe("a case's pathway checklist", () => {
  it("records each status with who set it and when, and keeps every change", async () => {
    const { owner, caseRow } = await buildCase(ctx);
    const abh = await immigrationOfficeOn(caseRow.id, owner.user.id);
    const checklist = await start(owner, caseRow.id);
    expect(checklist).toMatchObject({
      pathwayKey: "aufenthg-104c",
      templateVersion: 1,
      metCount: 0,
    });
    expect(checklist.items).toHaveLength(5);
    expect(checklist.items.every((item) => item.status === null)).toBe(true);

    const key = "aufenthalt-5-jahre";
    const first = await owner.session.put(itemUrl(caseRow.id, checklist.id, key), {
      status: "unclear",
    });
    expect(first.statusCode).toBe(200);
    const second = await abh.session.put(itemUrl(caseRow.id, checklist.id, key), { status: "met" });
    expect(second.statusCode).toBe(200);
    const unchanged = await abh.session.put(itemUrl(caseRow.id, checklist.id, key), {
      status: "met",
    });
    expect(unchanged.statusCode).toBe(200);
    const result = unchanged.json() as TPathwayChecklist;
    const item = result.items.find((entry) => entry.key === key);
    expect(item).toMatchObject({
      status: "met",
      setByAgency: { id: abh.agency.id, name: abh.agency.name },
      setBy: { id: abh.user.id },
    });
    expect(item?.setAt).toEqual(expect.any(String));
    expect(result.metCount).toBe(1);
    expect(result.history.map((change) => [change.from, change.to, change.agency.id])).toEqual([
      [null, "unclear", owner.agency.id],
      ["unclear", "met", abh.agency.id],
    ]);
  });

  it("counts not applicable prerequisites out of the total", async () => {
    const { owner, caseRow } = await buildCase(ctx);
    const checklist = await start(owner, caseRow.id);
    const url = itemUrl(caseRow.id, checklist.id, "identitaet-anschluss");
    const response = await owner.session.put(url, { status: "not_applicable" });
    expect(response.json()).toMatchObject({ applicableCount: 4, metCount: 0 });
  });

  it("lets partners read but not set statuses, unless the partner is the immigration office", async () => {
    const { owner, caseRow, partner } = await buildSharedCase(ctx);
    const checklist = await start(owner, caseRow.id);
    const read = await partner.session.get(pathwaysOf(caseRow.id));
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ mayEdit: false, checklists: [{ id: checklist.id }] });
    const set = await partner.session.put(itemUrl(caseRow.id, checklist.id, "bekenntnis-fdgo"), {
      status: "met",
    });
    expect(set.statusCode).toBe(403);
    expect(set.json().error.reason).toBe("owner_or_immigration_office_only");
    const started = await partner.session.post(pathwaysOf(caseRow.id), {
      pathwayKey: "aufenthg-25b",
    });
    expect(started.statusCode).toBe(403);

    const abh = await immigrationOfficeOn(caseRow.id, owner.user.id);
    expect((await abh.session.get(pathwaysOf(caseRow.id))).json().mayEdit).toBe(true);
    const byAbh = await abh.session.post(pathwaysOf(caseRow.id), { pathwayKey: "aufenthg-25b" });
    expect(byAbh.statusCode).toBe(201);
  });

  it("answers another agency's case like a missing one", async () => {
    const { owner, caseRow } = await buildCase(ctx);
    const checklist = await start(owner, caseRow.id);
    const outsider = await buildMember(ctx, { kind: "auslaenderbehoerde" });
    const answers = [
      await outsider.session.get(pathwaysOf(caseRow.id)),
      await outsider.session.post(pathwaysOf(caseRow.id), { pathwayKey: "aufenthg-25a" }),
      await outsider.session.put(itemUrl(caseRow.id, checklist.id, "bekenntnis-fdgo"), {
        status: "met",
      }),
      await outsider.session.post(
        `${itemUrl(caseRow.id, checklist.id, "bekenntnis-fdgo")}/action`,
        {
          responsibleAgencyId: outsider.agency.id,
        },
      ),
    ];
    for (const answer of answers) {
      expect(answer.statusCode).toBe(404);
      expect(answer.body).not.toContain(caseRow.code);
    }
    // A checklist of another case, named under a case the caller owns, is not found either.
    const own = await buildCase(ctx, { owner: outsider });
    const crossed = await outsider.session.put(
      itemUrl(own.caseRow.id, checklist.id, "bekenntnis-fdgo"),
      {
        status: "met",
      },
    );
    expect(crossed.statusCode).toBe(404);
  });

  it("refuses unknown prerequisites, unknown pathways and a second checklist for a pathway", async () => {
    const { owner, caseRow } = await buildCase(ctx);
    const checklist = await start(owner, caseRow.id);
    const unknown = await owner.session.put(itemUrl(caseRow.id, checklist.id, "gibt-es-nicht"), {
      status: "met",
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.reason).toBe("prerequisite_unknown");
    const malformed = await owner.session.put(itemUrl(caseRow.id, checklist.id, "Not A Key"), {
      status: "met",
    });
    expect(malformed.statusCode).toBe(400);
    const badStatus = await owner.session.put(
      itemUrl(caseRow.id, checklist.id, "bekenntnis-fdgo"),
      {
        status: "erfuellt",
      },
    );
    expect(badStatus.statusCode).toBe(400);
    const pathway = await owner.session.post(pathwaysOf(caseRow.id), { pathwayKey: "aufenthg-99" });
    expect(pathway.statusCode).toBe(422);
    expect(pathway.json().error.reason).toBe("pathway_unknown");
    const again = await owner.session.post(pathwaysOf(caseRow.id), { pathwayKey: "aufenthg-104c" });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.reason).toBe("pathway_already_started");
  });
});

describe("an action for an unmet prerequisite", () => {
  it("is created through the action rules, titled after the prerequisite, and linked", async () => {
    const { owner, caseRow, partner } = await buildSharedCase(ctx);
    const checklist = await start(owner, caseRow.id);
    const key = "identitaet-anschluss";
    const actionUrl = `${itemUrl(caseRow.id, checklist.id, key)}/action`;
    const early = await owner.session.post(actionUrl, { responsibleAgencyId: partner.agency.id });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.reason).toBe("prerequisite_not_unmet");

    await owner.session.put(itemUrl(caseRow.id, checklist.id, key), { status: "not_met" });
    const created = await owner.session.post(actionUrl, { responsibleAgencyId: partner.agency.id });
    expect(created.statusCode).toBe(201);
    const item = (created.json() as TPathwayChecklist).items.find((entry) => entry.key === key);
    expect(item?.action).toMatchObject({ title: "Identitätsnachweis beschaffen", status: "open" });
    const actions = (await partner.session.get(`/api/cases/${caseRow.id}/actions`)).json().actions;
    expect(actions).toEqual([
      expect.objectContaining({
        id: item?.action?.id,
        title: "Identitätsnachweis beschaffen",
        responsibleAgency: expect.objectContaining({ id: partner.agency.id }),
      }),
    ]);
  });

  it("passes the personal-data guard and the rule of who adds actions", async () => {
    const { owner, caseRow } = await buildCase(ctx);
    const abh = await immigrationOfficeOn(caseRow.id, owner.user.id);
    const checklist = await start(owner, caseRow.id);
    const key = "keine-straftat";
    await abh.session.put(itemUrl(caseRow.id, checklist.id, key), { status: "not_met" });
    const actionUrl = `${itemUrl(caseRow.id, checklist.id, key)}/action`;
    const named = await owner.session.post(actionUrl, {
      responsibleAgencyId: abh.agency.id,
      title: "Herr Mamadou Camara ruft an",
    });
    expect(named.statusCode).toBe(422);
    expect(named.json().error.reason).toBe("personal_data_found");
    // Outside a conference only the owning agency adds actions, the immigration office too.
    const outside = await abh.session.post(actionUrl, { responsibleAgencyId: abh.agency.id });
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error.reason).toBe("owner_only");
    // At a conference it is invited to as editor, the immigration office may.
    const conference = await factories.createConference(ctx.db, { caseId: caseRow.id }, [
      { agencyId: abh.agency.id, role: "editor" },
    ]);
    const inRoom = await abh.session.post(actionUrl, {
      responsibleAgencyId: abh.agency.id,
      conferenceId: conference.id,
    });
    expect(inRoom.statusCode).toBe(201);
    const action = (inRoom.json() as TPathwayChecklist).items.find(
      (entry) => entry.key === key,
    )?.action;
    expect(action?.title).toBe("Auszug aus dem Bundeszentralregister anfordern");
  });
});
