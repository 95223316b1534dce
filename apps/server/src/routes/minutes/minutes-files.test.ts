import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { schema } from "@runder-tisch/db";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildMember } from "../../../test/builders.ts";
import { concludedConference } from "../../../test/scenarios.ts";
import { useTestApp } from "../../../test/test-app.ts";

const ctx = useTestApp();

const hasPdfToText = (() => {
  try {
    execFileSync("pdftotext", ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

async function finalised() {
  const scenario = await concludedConference(ctx);
  const response = await scenario.owner.session.post(
    `/api/conferences/${scenario.conference.id}/finalise`,
    {},
  );
  expect(response.statusCode).toBe(201);
  return { ...scenario, minutesId: response.json().minutes.id as string };
}

describe("minutes as files", () => {
  it("renders a German PDF with the case code and the hash", async () => {
    const { abh, caseRow, minutesId } = await finalised();
    const response = await abh.session.get(`/api/minutes/${minutesId}.pdf`);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("application/pdf");
    expect(response.headers["content-disposition"]).toContain(`Protokoll-${caseRow.code}-v1.pdf`);
    expect(response.rawPayload.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    if (!hasPdfToText) return;
    const dir = mkdtempSync(join(tmpdir(), "minutes-"));
    const file = join(dir, "minutes.pdf");
    writeFileSync(file, response.rawPayload);
    const text = execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" });
    expect(text).toContain(caseRow.code);
    expect(text).toContain("Protokoll der Fallkonferenz");
    expect(text).toContain("§ 104c-Voraussetzungen prüfen");
    expect(text).toContain("Wiedervorlage");
    const [row] = await ctx.db
      .select({ hash: schema.minutesVersions.contentHash })
      .from(schema.minutesVersions)
      .where(eq(schema.minutesVersions.id, minutesId));
    expect(text.replace(/\s+/g, "")).toContain(row?.hash);
  });

  it("renders Markdown and audits both downloads as exports", async () => {
    const { owner, caseRow, minutesId } = await finalised();
    const response = await owner.session.get(`/api/minutes/${minutesId}.md`);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("text/markdown");
    expect(response.body).toContain(`# Protokoll der Fallkonferenz`);
    expect(response.body).toContain(caseRow.code);
    expect(response.body).toContain(
      "| Passtermin bei der Botschaft begleiten<br>Übersetzung organisieren |",
    );
    await owner.session.get(`/api/minutes/${minutesId}.pdf`);
    const exports = await ctx.db
      .select({ detail: schema.auditLog.detail })
      .from(schema.auditLog)
      .where(eq(schema.auditLog.targetId, minutesId));
    expect(exports.map((entry) => entry.detail?.format).filter(Boolean)).toEqual(["md", "pdf"]);
  });

  it("marks a participant whose basis was revoked after finalising", async () => {
    const { owner, caritas, caritasBasis, minutesId } = await finalised();
    const revokedAt = new Date("2027-02-03T09:00:00Z");
    await ctx.db
      .update(schema.sharingBases)
      .set({ revokedAt, revokedBy: owner.user.id })
      .where(eq(schema.sharingBases.id, caritasBasis.id));
    const text = `Rechtsgrundlage von ${caritas.agency.name} am 03.02.2027 widerrufen`;
    const json = (await owner.session.get(`/api/minutes/${minutesId}`)).json();
    expect(json.marks.revokedBases).toEqual([
      {
        agency: { id: caritas.agency.id, name: caritas.agency.name },
        revokedOn: "2027-02-03",
        text,
      },
    ]);
    // The frozen content is untouched by the mark.
    expect(json.content.participants).toHaveLength(3);
    const markdown = (await owner.session.get(`/api/minutes/${minutesId}.md`)).body;
    expect(markdown).toContain(text);
    // Caritas itself can no longer see the case, so neither the minutes.
    expect((await caritas.session.get(`/api/minutes/${minutesId}`)).statusCode).toBe(404);
  });

  it("hides minutes from other agencies and anonymous callers", async () => {
    const { conference, minutesId } = await finalised();
    const outsider = await buildMember(ctx);
    const urls = [
      `/api/conferences/${conference.id}/minutes`,
      `/api/minutes/${minutesId}`,
      `/api/minutes/${minutesId}.pdf`,
      `/api/minutes/${minutesId}.md`,
    ];
    for (const url of urls) {
      const hidden = await outsider.session.get(url);
      expect(hidden.statusCode, url).toBe(404);
      expect(hidden.json().error.code).toBe("not_found");
      expect((await ctx.app.inject({ method: "GET", url })).statusCode, url).toBe(401);
    }
    const missing = await outsider.session.get(`/api/minutes/00000000-0000-4000-8000-000000000000`);
    expect(missing.json()).toEqual(
      (await outsider.session.get(`/api/minutes/${minutesId}`)).json(),
    );
    expect((await outsider.session.get(`/api/minutes/not-an-id.pdf`)).statusCode).toBe(400);
  });
});
