import { schema } from "@runder-tisch/db";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildMember, buildSharedCase } from "../../../test/builders.ts";
import { concludedConference } from "../../../test/scenarios.ts";
import { useTestApp } from "../../../test/test-app.ts";

const ctx = useTestApp();

const ABH_NOTE = "Interner Vermerk der ABH: Vorsprache zur Duldung am Dienstag";

describe("internal notes: an agency's own notes on a case", () => {
  it("KIM never sees an ABH internal note: not listed, not by id, not in the minutes, not in its export", async () => {
    const { owner, abh, caseRow, conference } = await concludedConference(ctx);
    const url = `/api/cases/${caseRow.id}/internal-notes`;
    const written = await abh.session.post(url, { body: ABH_NOTE });
    expect(written.statusCode).toBe(201);
    const note = written.json();
    expect(note).toMatchObject({ body: ABH_NOTE, agency: { id: abh.agency.id } });
    const own = await owner.session.post(url, { body: "Vermerk KIM: Schule anrufen" });
    expect(own.statusCode).toBe(201);

    // The list: each agency sees its own notes only.
    const abhList = (await abh.session.get(url)).json().notes;
    expect(abhList.map((n: { body: string }) => n.body)).toEqual([ABH_NOTE]);
    const kimList = (await owner.session.get(url)).json().notes;
    expect(kimList.map((n: { body: string }) => n.body)).toEqual(["Vermerk KIM: Schule anrufen"]);

    // By id: another agency's note answers as if it did not exist, and stays unchanged.
    const noteUrl = `${url}/${note.id}`;
    const patched = await owner.session.patch(noteUrl, { body: "überschrieben" });
    expect(patched.statusCode).toBe(404);
    expect(patched.json().error.code).toBe("not_found");
    expect((await owner.session.delete(noteUrl)).statusCode).toBe(404);
    const [stored] = await ctx.db
      .select()
      .from(schema.internalNotes)
      .where(eq(schema.internalNotes.id, note.id));
    expect(stored?.body).toBe(ABH_NOTE);
    const denied = await ctx.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.userId, owner.user.id), eq(schema.auditLog.action, "denied")));
    expect(denied.map((row) => row.targetType)).toEqual(["internal_note", "internal_note"]);

    // The minutes of the conference.
    const attended = await abh.session.put(`/api/conferences/${conference.id}/attendance/me`, {
      kind: "present",
      confidentialityConfirmed: true,
    });
    expect(attended.statusCode).toBe(200);
    const finalised = await owner.session.post(`/api/conferences/${conference.id}/finalise`, {});
    expect(finalised.statusCode).toBe(201);
    const minutes = await owner.session.get(`/api/minutes/${finalised.json().minutes.id}`);
    expect(minutes.statusCode).toBe(200);
    expect(minutes.body).not.toContain("Duldung am Dienstag");

    // The case export KIM requests holds KIM's note, not the ABH's.
    const exported = await owner.session.get(`/api/cases/${caseRow.id}/export`);
    expect(exported.statusCode).toBe(200);
    expect(exported.body).not.toContain("Duldung am Dienstag");
    expect(exported.json().internalNotes).toMatchObject([
      { body: "Vermerk KIM: Schule anrufen", agency: { id: owner.agency.id } },
    ]);
    const html = await owner.session.get(`/api/cases/${caseRow.id}/export?format=html`);
    expect(html.body).toContain(`Interne Notizen – nur ${owner.agency.name}`);
    expect(html.body).not.toContain("Duldung am Dienstag");
  });

  it("any agency that sees the case keeps notes; others get 404; changes stay within the agency", async () => {
    const { owner, partner, caseRow } = await buildSharedCase(ctx);
    const colleague = await buildMember(ctx, { agency: partner.agency });
    const outsider = await buildMember(ctx);
    const url = `/api/cases/${caseRow.id}/internal-notes`;
    expect((await outsider.session.get(url)).statusCode).toBe(404);
    expect((await outsider.session.post(url, { body: "x" })).statusCode).toBe(404);

    const note = (await partner.session.post(url, { body: "Erster Stand" })).json();
    const changed = await colleague.session.patch(`${url}/${note.id}`, { body: "Zweiter Stand" });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({
      body: "Zweiter Stand",
      author: { id: partner.user.id },
    });
    expect((await owner.session.get(url)).json().notes).toEqual([]);
    expect((await outsider.session.patch(`${url}/${note.id}`, { body: "y" })).statusCode).toBe(404);
    expect((await colleague.session.delete(`${url}/${note.id}`)).statusCode).toBe(200);
    expect((await partner.session.get(url)).json().notes).toEqual([]);
  });

  it("refuses broken characters but only warns about personal data", async () => {
    const { owner, caseRow } = await buildSharedCase(ctx);
    const url = `/api/cases/${caseRow.id}/internal-notes`;
    const broken = await owner.session.post(url, { body: "Vermerk\u0007" });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.details.problems[0].reason).toBe("invalid_character");
    const empty = await owner.session.post(url, { body: "   " });
    expect(empty.statusCode).toBe(400);
    const named = await owner.session.post(url, {
      body: "Herr Mamadou Camara, geboren am 14.03.1999, kommt am Montag.",
    });
    expect(named.statusCode).toBe(201);
    expect(named.json().personalDataWarnings).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: "birth_date", where: "body" })]),
    );
  });
});
