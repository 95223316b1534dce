import { addObstacle } from "@runder-tisch/conference-doc";
import { schema } from "@runder-tisch/db";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { concludedConference, writeDocument } from "../../../test/scenarios.ts";
import { useTestApp } from "../../../test/test-app.ts";

const ctx = useTestApp();

const finaliseUrl = (conferenceId: string) => `/api/conferences/${conferenceId}/finalise`;

describe("obstacles in the minutes", () => {
  it("go into the minutes and the obstacle table when the minutes are finalised", async () => {
    const { owner, caseRow, conference } = await concludedConference(ctx);
    await writeDocument(
      ctx,
      conference.id,
      { userId: owner.user.id, agencyId: owner.agency.id },
      (doc) => {
        addObstacle(doc, {
          theme: "mobility",
          description: "Der letzte Bus fährt vor Kursende",
          proposedFix: "Bürgerbus am Abend",
        });
        addObstacle(doc, { theme: "language", description: "Sechs Monate Wartezeit auf den Kurs" });
      },
    );
    const response = await owner.session.post(finaliseUrl(conference.id), {});
    expect(response.statusCode, response.body).toBe(201);
    const { minutes } = response.json();
    expect(minutes.content.obstacles).toEqual([
      {
        theme: "mobility",
        description: "Der letzte Bus fährt vor Kursende",
        proposedFix: "Bürgerbus am Abend",
      },
      { theme: "language", description: "Sechs Monate Wartezeit auf den Kurs", proposedFix: null },
    ]);
    const rows = await ctx.db
      .select()
      .from(schema.conferenceObstacles)
      .where(eq(schema.conferenceObstacles.conferenceId, conference.id));
    expect(rows.map((row) => [row.caseId, row.theme, row.proposedFix]).sort()).toEqual([
      [caseRow.id, "language", null],
      [caseRow.id, "mobility", "Bürgerbus am Abend"],
    ]);
    expect(rows[0]?.finalisedAt.toISOString()).toBe(minutes.content.finalised.at);

    const markdown = (await owner.session.get(`/api/minutes/${minutes.id}.md`)).body;
    expect(markdown).toContain("Hindernisse");
    expect(markdown).toContain("Mobilität");
    expect(markdown).toContain("Bürgerbus am Abend");
  });

  it("are checked for personal data like every other text of the minutes", async () => {
    const { owner, conference } = await concludedConference(ctx);
    await writeDocument(
      ctx,
      conference.id,
      { userId: owner.user.id, agencyId: owner.agency.id },
      (doc) => {
        addObstacle(doc, {
          theme: "mobility",
          description: "Herr Camara hat kein Geld für das Ticket",
        });
      },
    );
    const refused = await owner.session.post(finaliseUrl(conference.id), {});
    expect(refused.statusCode).toBe(422);
    const findings = refused.json().error.details.findings;
    expect(findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: "person_name", where: "obstacles[0].description" }),
      ]),
    );
    const rows = await ctx.db
      .select()
      .from(schema.conferenceObstacles)
      .where(eq(schema.conferenceObstacles.conferenceId, conference.id));
    expect(rows).toEqual([]);
  });

  it("leave the minutes without an obstacle block readable when none were recorded", async () => {
    const { owner, conference } = await concludedConference(ctx);
    const response = await owner.session.post(finaliseUrl(conference.id), {});
    expect(response.statusCode).toBe(201);
    const { minutes } = response.json();
    expect(minutes.content.obstacles).toEqual([]);
    const markdown = (await owner.session.get(`/api/minutes/${minutes.id}.md`)).body;
    expect(markdown).toContain("Keine Hindernisse festgehalten.");
  });
});
