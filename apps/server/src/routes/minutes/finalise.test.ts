import { randomUUID } from "node:crypto";
import { addGoal, dismissFinding } from "@runder-tisch/conference-doc";
import { schema } from "@runder-tisch/db";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildMember, factories } from "../../../test/builders.ts";
import {
  concludedConference,
  germanDay,
  REVIEW_DAY,
  writeDocument,
} from "../../../test/scenarios.ts";
import { signIn } from "../../../test/sessions.ts";
import { useTestApp } from "../../../test/test-app.ts";
import { hashMinutesContent } from "../../domain/minutes/canonical-json.ts";

const ctx = useTestApp();

const finaliseUrl = (conferenceId: string) => `/api/conferences/${conferenceId}/finalise`;

describe("finalising the minutes", () => {
  it("freezes the document into minutes with participants, bases, actions and a hash", async () => {
    const { owner, abh, caritas, caseRow, conference, abhBasis, caritasBasis } =
      await concludedConference(ctx);
    const response = await owner.session.post(finaliseUrl(conference.id), {});
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({ conferenceId: conference.id, status: "finalised" });
    const { content, hash } = body.minutes;
    expect(hash.algorithm).toBe("SHA-256");
    expect(hash.value).toBe(hashMinutesContent(content));
    expect(content).toMatchObject({
      case: { id: caseRow.id, code: caseRow.code },
      notes: "Der Klient ist seit sieben Jahren im Kreis, Deutsch auf A2.",
      goals: ["Gesicherter Aufenthalt innerhalb von 18 Monaten"],
      decisions: ["ABH prüft § 104c AufenthG; Caritas begleitet den Passtermin"],
      nextReviewOn: REVIEW_DAY,
      piiOverride: null,
      finalised: { userId: owner.user.id, agency: { id: owner.agency.id } },
    });
    expect(content.agenda.map((item: { title: string }) => item.title)).toEqual([
      "Fallvorstellung",
      `Wiedervorlage am ${germanDay(REVIEW_DAY)}`,
    ]);
    const byAgency = Object.fromEntries(
      content.participants.map((p: { agency: { id: string } }) => [p.agency.id, p]),
    );
    expect(byAgency[owner.agency.id]).toMatchObject({ role: "owner", basis: { kind: "owner" } });
    expect(byAgency[abh.agency.id]).toMatchObject({
      role: "editor",
      basis: { id: abhBasis.id, kind: "statute", norm: "§ 69 Abs. 1 Nr. 1 SGB X" },
    });
    expect(byAgency[caritas.agency.id]).toMatchObject({
      role: "observer",
      basis: { id: caritasBasis.id, kind: "consent", consentGivenOn: "2026-01-15" },
    });
    expect(content.actions).toHaveLength(2);
    expect(content.actions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          title: "Passtermin bei der Botschaft begleiten",
          responsibleAgency: { id: caritas.agency.id, name: caritas.agency.name },
          dueDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        }),
      ]),
    );
    const shown = (await owner.session.get(`/api/conferences/${conference.id}`)).json();
    expect(shown.status).toBe("finalised");
    expect(shown.finalisedAt).toBe(body.finalisedAt);

    const again = (await abh.session.get(`/api/minutes/${body.minutes.id}`)).json();
    expect(again.hash.value).toBe(hash.value);
    expect(hashMinutesContent(again.content)).toBe(hash.value);
    const listed = (await caritas.session.get(`/api/conferences/${conference.id}/minutes`)).json();
    expect(listed.minutes).toEqual([
      expect.objectContaining({ id: body.minutes.id, version: 1, hash }),
    ]);
    const audited = await ctx.db
      .select({ action: schema.auditLog.action, targetType: schema.auditLog.targetType })
      .from(schema.auditLog)
      .where(eq(schema.auditLog.caseId, caseRow.id))
      .orderBy(schema.auditLog.id);
    expect(audited).toEqual([
      { action: "change", targetType: "conference" },
      { action: "create", targetType: "minutes" },
      // The Wiedervorlage conference, planned with the minutes.
      { action: "create", targetType: "conference" },
      { action: "view", targetType: "conference" },
      { action: "view", targetType: "minutes" },
      { action: "list", targetType: "minutes" },
    ]);
  });

  it("refuses when the guard finds personal data, and accepts a written override", async () => {
    const { owner, caseRow, conference } = await concludedConference(ctx, {
      notes: "Herr Camara, geb. 03.04.1999, erreichbar unter camara@example.org",
    });
    const refused = await owner.session.post(finaliseUrl(conference.id), {});
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe("validation_failed");
    const kinds = refused.json().error.details.findings.map((f: { kind: string }) => f.kind);
    expect(kinds).toEqual(expect.arrayContaining(["person_name", "birth_date", "email"]));
    expect(refused.json().error.details.findings[0].where).toBe("notes");
    const stillConcluded = (await owner.session.get(`/api/conferences/${conference.id}`)).json();
    expect(stillConcluded.status).toBe("concluded");
    expect(await countMinutes(conference.id)).toBe(0);

    const reason = "Die Angaben sind für die Identitätsklärung in der Akte der ABH nötig";
    const accepted = await owner.session.post(finaliseUrl(conference.id), {
      overrideReason: reason,
    });
    expect(accepted.statusCode).toBe(201);
    expect(accepted.json().minutes.content.piiOverride).toEqual({
      reason,
      findingCount: kinds.length,
      kinds: [...new Set<string>(kinds)].sort(),
    });
    const [entry] = await ctx.db
      .select()
      .from(schema.auditLog)
      .where(
        and(eq(schema.auditLog.caseId, caseRow.id), eq(schema.auditLog.targetType, "minutes")),
      );
    expect(entry?.detail).toMatchObject({ piiGuardOverridden: true, findingCount: kinds.length });
    // The reason can name the person; the audit trail keeps no free text.
    expect(JSON.stringify(entry?.detail)).not.toContain("Identitätsklärung");
  });

  it("does not stop at a finding someone in the room dismissed with a reason, and says so in the trail", async () => {
    const { owner, caseRow, conference } = await concludedConference(ctx, {
      notes: "Frau Becker vom Jobcenter prüft die Förderung.",
    });
    const refused = await owner.session.post(finaliseUrl(conference.id), {});
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details.findings).toEqual([
      expect.objectContaining({ kind: "person_name", excerpt: "Frau Becker" }),
    ]);
    await writeDocument(
      ctx,
      conference.id,
      { userId: owner.user.id, agencyId: owner.agency.id },
      (doc) =>
        dismissFinding(doc, {
          kind: "person_name",
          text: "Frau Becker",
          reason: "Sachbearbeiterin im Jobcenter, nicht die Klientin",
          by: "Koordination KIM (KIM)",
        }),
    );
    const accepted = await owner.session.post(finaliseUrl(conference.id), {});
    expect(accepted.statusCode).toBe(201);
    expect(accepted.json().minutes.content.piiOverride).toBeNull();
    const [entry] = await ctx.db
      .select()
      .from(schema.auditLog)
      .where(
        and(eq(schema.auditLog.caseId, caseRow.id), eq(schema.auditLog.targetType, "minutes")),
      );
    expect(entry?.detail).toMatchObject({
      piiDismissedCount: 1,
      piiDismissedKinds: ["person_name"],
    });
    expect(JSON.stringify(entry?.detail)).not.toContain("Becker");
  });

  it("finalises a document with control characters pasted into notes and goals, without them", async () => {
    const { owner, conference } = await concludedConference(ctx, {
      notes: "Klient\u0000 kommt\u0007 mit \ud800Begleitung.",
    });
    await writeDocument(
      ctx,
      conference.id,
      { userId: owner.user.id, agencyId: owner.agency.id },
      (doc) => addGoal(doc, "Sprachkurs\u0000 B1"),
    );
    const response = await owner.session.post(finaliseUrl(conference.id), {});
    expect(response.statusCode, response.body).toBe(201);
    const { content } = response.json().minutes;
    expect(content.notes).toBe("Klient kommt mit \ufffdBegleitung.");
    expect(content.goals).toContain("Sprachkurs B1");
  });

  it("finalises only once, only from concluded, and only through this route", async () => {
    const { owner, conference, caseRow } = await concludedConference(ctx);
    expect((await owner.session.post(finaliseUrl(conference.id), {})).statusCode).toBe(201);
    const twice = await owner.session.post(finaliseUrl(conference.id), {});
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error).toMatchObject({
      code: "conflict",
      message: expect.stringContaining("already"),
    });
    expect(await countMinutes(conference.id)).toBe(1);

    const planned = await factories.createConference(ctx.db, { caseId: caseRow.id });
    const early = await owner.session.post(finaliseUrl(planned.id), {});
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe("invalid_transition");

    const concluded = await factories.createConference(ctx.db, {
      caseId: caseRow.id,
      status: "concluded",
    });
    const viaStatus = await owner.session.post(`/api/conferences/${concluded.id}/status`, {
      status: "finalised",
    });
    expect(viaStatus.statusCode).toBe(409);
    expect(viaStatus.json().error.details).toEqual({ use: finaliseUrl(concluded.id) });
  });

  it("lets only a coordinator of the owning agency finalise", async () => {
    const { owner, member, abh, conference } = await concludedConference(ctx);
    const memberSession = await signIn(ctx.app, member);
    const asMember = await memberSession.post(finaliseUrl(conference.id), {});
    expect(asMember.statusCode).toBe(403);
    expect(asMember.json().error.code).toBe("forbidden");
    expect((await abh.session.post(finaliseUrl(conference.id), {})).statusCode).toBe(404);
    const outsider = await buildMember(ctx, { role: "coordinator" });
    const hidden = await outsider.session.post(finaliseUrl(conference.id), {});
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().error.code).toBe("not_found");
    const anonymous = await ctx.app.inject({
      method: "POST",
      url: finaliseUrl(conference.id),
      payload: {},
    });
    expect(anonymous.statusCode).toBe(401);
    expect(await countMinutes(conference.id)).toBe(0);
    expect((await owner.session.get(`/api/conferences/${conference.id}`)).json().status).toBe(
      "concluded",
    );
  });

  it("rejects malformed and oversized requests with reasons", async () => {
    const { owner, conference } = await concludedConference(ctx);
    const url = finaliseUrl(conference.id);
    for (const payload of [
      { overrideReason: "   " },
      { overrideReason: "x".repeat(2001) },
      { nextReviewOn: "14.01.2027" },
      { nextReviewOn: "2027-02-30" },
    ]) {
      const response = await owner.session.post(url, payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json().error.code).toBe("validation_failed");
    }
    const notJson = await owner.session.request({
      method: "POST",
      url,
      payload: "{overrideReason:",
      headers: { "content-type": "application/json" },
    });
    expect(notJson.statusCode).toBe(400);
    const huge = await owner.session.post(url, { overrideReason: "x".repeat(300 * 1024) });
    expect(huge.statusCode).toBe(413);
    expect((await owner.session.post("/api/conferences/not-a-uuid/finalise", {})).statusCode).toBe(
      400,
    );
    expect(await countMinutes(conference.id)).toBe(0);
  });

  it("keeps stored minutes immutable even for direct SQL", async () => {
    const { owner, conference } = await concludedConference(ctx);
    const { minutes } = (await owner.session.post(finaliseUrl(conference.id), {})).json();
    await expect(
      ctx.db
        .update(schema.minutesVersions)
        .set({ contentHash: "0".repeat(64) })
        .where(eq(schema.minutesVersions.id, minutes.id)),
    ).rejects.toThrow();
    await expect(
      ctx.db.delete(schema.minutesVersions).where(eq(schema.minutesVersions.id, minutes.id)),
    ).rejects.toThrow();
    // The retention bypass names one case; it does not open the door for another.
    await expect(
      ctx.db.transaction(async (tx) => {
        await tx.execute(
          sql`select set_config('runder_tisch.retention_case', ${randomUUID()}, true)`,
        );
        await tx.delete(schema.minutesVersions).where(eq(schema.minutesVersions.id, minutes.id));
      }),
    ).rejects.toThrow();
    expect(await countMinutes(conference.id)).toBe(1);
  });
});

async function countMinutes(conferenceId: string) {
  const rows = await ctx.db
    .select({ id: schema.minutesVersions.id })
    .from(schema.minutesVersions)
    .where(eq(schema.minutesVersions.conferenceId, conferenceId));
  return rows.length;
}
