import { schema } from "@runder-tisch/db";
import { and, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildSharedCase } from "../../../test/builders.ts";
import { concludedConference } from "../../../test/scenarios.ts";
import { useTestApp } from "../../../test/test-app.ts";

const ctx = useTestApp();

const NAME_AND_BIRTH = "Herr Mamadou Camara, geboren am 14.03.1999, hat den Termin verpasst.";
const REASON = "Herr Camara ist der Sachbearbeiter im Jobcenter, nicht der Klient";

async function lastAuditDetail(targetId: string) {
  const [row] = await ctx.db
    .select({ detail: schema.auditLog.detail })
    .from(schema.auditLog)
    .where(and(eq(schema.auditLog.targetId, targetId), eq(schema.auditLog.action, "create")))
    .orderBy(desc(schema.auditLog.id))
    .limit(1);
  return row?.detail;
}

describe("texts other agencies read pass the personal-data guard", () => {
  it("a comment with a name and a birth date is refused with the findings, stored only with a reason", async () => {
    const { owner, partner, caseRow } = await buildSharedCase(ctx);
    const action = (
      await owner.session.post(`/api/cases/${caseRow.id}/actions`, {
        title: "Unterlagen anfordern",
        responsibleAgencyId: partner.agency.id,
      })
    ).json();
    const url = `/api/actions/${action.id}/comments`;

    const refused = await partner.session.post(url, { body: NAME_AND_BIRTH });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.reason).toBe("personal_data_found");
    expect(refused.json().error.details.findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: "person_name", where: "body" }),
        expect.objectContaining({ kind: "birth_date", where: "body", excerpt: "14.03.1999" }),
      ]),
    );
    const listed = (await owner.session.get(url)).json();
    expect(listed.comments).toEqual([]);

    const published = await partner.session.post(url, {
      body: NAME_AND_BIRTH,
      notPersonalDataReason: REASON,
    });
    expect(published.statusCode).toBe(201);
    // The trail says the guard was overridden and for what; the reason may name someone,
    // so it is kept with the case, not in the trail.
    const detail = await lastAuditDetail(action.id);
    expect(detail).toEqual({
      commentId: published.json().id,
      personalDataOverride: { kinds: ["person_name", "birth_date"] },
    });
    const [override] = await ctx.db
      .select()
      .from(schema.personalDataOverrides)
      .where(eq(schema.personalDataOverrides.targetId, published.json().id));
    expect(override).toMatchObject({
      caseId: caseRow.id,
      targetType: "action_comment",
      reason: REASON,
      kinds: ["person_name", "birth_date"],
      agencyId: partner.agency.id,
    });
    // A plain comment needs no reason, and the audit says nothing about personal data.
    const plain = await partner.session.post(url, { body: "Unterlagen sind angefordert." });
    expect(plain.statusCode).toBe(201);
    expect(await lastAuditDetail(action.id)).toEqual({ commentId: plain.json().id });
  });

  it("an action's title and description are checked when it is created and when it is changed", async () => {
    const { owner, abh, conference } = await concludedConference(ctx);
    const create = (body: object) =>
      owner.session.post(`/api/conferences/${conference.id}/actions`, {
        responsibleAgencyId: abh.agency.id,
        ...body,
      });
    const titled = await create({ title: "Herrn Mamadou Camara (geb. 14.03.1999) anrufen" });
    expect(titled.statusCode).toBe(422);
    expect(titled.json().error.details.findings.map((f: { where: string }) => f.where)).toEqual(
      expect.arrayContaining(["title"]),
    );
    const described = await create({
      title: "Den Klienten anrufen",
      description: "Erreichbar unter 0176 12345678",
    });
    expect(described.statusCode).toBe(422);
    expect(described.json().error.details.findings).toEqual([
      expect.objectContaining({ kind: "phone", where: "description" }),
    ]);
    const created = await create({ title: "Den Klienten anrufen" });
    expect(created.statusCode).toBe(201);

    const action = created.json();
    const renamed = await owner.session.patch(`/api/actions/${action.id}`, {
      title: "Frau Ayşe Yılmaz anrufen",
      expectedVersion: action.version,
    });
    expect(renamed.statusCode).toBe(422);
    expect(renamed.json().error.reason).toBe("personal_data_found");
    const unchanged = (await owner.session.get(`/api/actions/${action.id}`)).json();
    expect(unchanged.title).toBe("Den Klienten anrufen");
    // A reason alone is not a change.
    const reasonOnly = await owner.session.patch(`/api/actions/${action.id}`, {
      notPersonalDataReason: REASON,
      expectedVersion: action.version,
    });
    expect(reasonOnly.statusCode).toBe(400);
    const status = await owner.session.patch(`/api/actions/${action.id}`, {
      status: "in_progress",
      expectedVersion: action.version,
    });
    expect(status.statusCode).toBe(200);
  });

  it("a review note is checked before it goes into the minutes", async () => {
    const { owner, abh, caseRow, conference } = await concludedConference(ctx);
    const outside = (
      await owner.session.post(`/api/cases/${caseRow.id}/actions`, {
        title: "Sprachkurs suchen",
        responsibleAgencyId: abh.agency.id,
      })
    ).json();
    const url = `/api/conferences/${conference.id}/action-reviews/${outside.id}`;
    const refused = await owner.session.put(url, {
      outcome: "not_done",
      note: "Frau Ayşe Yılmaz war krank",
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.reason).toBe("personal_data_found");
    const reviewed = await owner.session.put(url, {
      outcome: "not_done",
      note: "Die Klientin war krank",
    });
    expect(reviewed.statusCode).toBe(200);
  });

  it("a dispute's reason and the note lifting it are checked too", async () => {
    const { owner, caseRow } = await buildSharedCase(ctx);
    const url = `/api/cases/${caseRow.id}/dispute`;
    const named = await owner.session.post(url, {
      reason: "Frau Ayşe Yılmaz bestreitet die Angaben zum Aufenthalt",
    });
    expect(named.statusCode).toBe(422);
    expect(named.json().error.reason).toBe("personal_data_found");
    const raised = await owner.session.post(url, {
      reason: "Die Klientin bestreitet die Angaben zum Aufenthalt",
    });
    expect(raised.statusCode).toBe(201);
    const lifted = await owner.session.post(`${url}/lift`, {
      note: "Mit Frau Ayşe Yılmaz geklärt",
    });
    expect(lifted.statusCode).toBe(422);
    const liftedPlainly = await owner.session.post(`${url}/lift`, { note: "Geklärt" });
    expect(liftedPlainly.statusCode).toBe(200);
  });
});
