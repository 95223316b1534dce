import type { TPathwayChecklist, TPathwayTemplate } from "@runder-tisch/contracts";
import { describe, expect, it } from "vitest";
import { buildCase, buildMember, type Member } from "../../../test/builders.ts";
import { useTestApp } from "../../../test/test-app.ts";

const ctx = useTestApp();

async function currentTemplate(member: Member, pathwayKey: string): Promise<TPathwayTemplate> {
  const { templates } = (await member.session.get("/api/pathways/templates")).json();
  return templates.find((template: TPathwayTemplate) => template.pathwayKey === pathwayKey);
}

/** The template as it is, with the first prerequisite reworded. */
function reworded(template: TPathwayTemplate, wording: string) {
  const [first, ...rest] = template.prerequisites;
  return {
    norm: template.norm,
    titleDe: template.titleDe,
    titleEn: template.titleEn,
    prerequisites: [{ ...first, de: wording }, ...rest],
  };
}

describe("editing a pathway template", () => {
  it("writes a new version; a case keeps the version its checklist started with", async () => {
    const coordinator = await buildMember(ctx, { kind: "auslaenderbehoerde", role: "coordinator" });
    const { owner, caseRow } = await buildCase(ctx);
    const before = await owner.session.post(`/api/cases/${caseRow.id}/pathways`, {
      pathwayKey: "aufenthg-25b",
    });
    const startedWith = before.json() as TPathwayChecklist;
    const template = await currentTemplate(coordinator, "aufenthg-25b");
    expect((await coordinator.session.get("/api/pathways/templates")).json().mayEdit).toBe(true);

    const wording = `Neu formuliert ${crypto.randomUUID().slice(0, 8)}`;
    const written = await coordinator.session.put(
      "/api/pathways/templates/aufenthg-25b",
      reworded(template, wording),
    );
    expect(written.statusCode).toBe(200);
    expect(written.json()).toMatchObject({
      version: template.version + 1,
      createdBy: { id: coordinator.user.id },
      agency: { id: coordinator.agency.id },
    });
    expect((await currentTemplate(owner, "aufenthg-25b")).prerequisites[0]?.de).toBe(wording);

    const kept = (await owner.session.get(`/api/cases/${caseRow.id}/pathways`)).json();
    expect(kept.checklists[0]).toMatchObject({
      templateVersion: startedWith.templateVersion,
      items: startedWith.items,
    });
    const other = await buildCase(ctx, { owner });
    const fresh = await owner.session.post(`/api/cases/${other.caseRow.id}/pathways`, {
      pathwayKey: "aufenthg-25b",
    });
    expect(fresh.json()).toMatchObject({ templateVersion: template.version + 1 });
    expect((fresh.json() as TPathwayChecklist).items[0]?.de).toBe(wording);
  });

  it("is for the immigration office's coordinators and the agencies they name", async () => {
    const abhCoordinator = await buildMember(ctx, {
      kind: "auslaenderbehoerde",
      role: "coordinator",
    });
    const abhMember = await buildMember(ctx, { agency: abhCoordinator.agency });
    const otherCoordinator = await buildMember(ctx, { kind: "jobcenter", role: "coordinator" });
    const template = await currentTemplate(abhMember, "aufenthg-60d");
    const body = reworded(template, template.prerequisites[0]?.de ?? "");
    const url = "/api/pathways/templates/aufenthg-60d";

    for (const refused of [abhMember, otherCoordinator]) {
      const response = await refused.session.put(url, body);
      expect(response.statusCode).toBe(403);
      expect(response.json().error.reason).toBe("not_template_editor");
    }
    const naming = await abhMember.session.post("/api/pathways/template-editors", {
      agencyId: otherCoordinator.agency.id,
    });
    expect(naming.statusCode).toBe(403);
    const named = await abhCoordinator.session.post("/api/pathways/template-editors", {
      agencyId: otherCoordinator.agency.id,
    });
    expect(named.statusCode).toBe(200);
    expect(named.json().editors).toContainEqual(
      expect.objectContaining({
        agency: { id: otherCoordinator.agency.id, name: otherCoordinator.agency.name },
      }),
    );
    expect((await otherCoordinator.session.put(url, body)).statusCode).toBe(200);
    // A member of a named agency is no coordinator and still may not.
    const otherMember = await buildMember(ctx, { agency: otherCoordinator.agency });
    expect((await otherMember.session.put(url, body)).statusCode).toBe(403);

    const removed = await abhCoordinator.session.delete(
      `/api/pathways/template-editors/${otherCoordinator.agency.id}`,
    );
    expect(removed.statusCode).toBe(200);
    expect((await otherCoordinator.session.put(url, body)).statusCode).toBe(403);
  });

  it("refuses a prerequisite key listed twice and an unknown pathway", async () => {
    const coordinator = await buildMember(ctx, { kind: "auslaenderbehoerde", role: "coordinator" });
    const template = await currentTemplate(coordinator, "aufenthg-60c");
    const [first] = template.prerequisites;
    const twice = await coordinator.session.put("/api/pathways/templates/aufenthg-60c", {
      ...reworded(template, first?.de ?? ""),
      prerequisites: [first, first],
    });
    expect(twice.statusCode).toBe(422);
    expect(twice.json().error.reason).toBe("listed_twice");
    const unknown = await coordinator.session.put(
      "/api/pathways/templates/aufenthg-99",
      reworded(template, first?.de ?? ""),
    );
    expect(unknown.statusCode).toBe(404);
  });
});
