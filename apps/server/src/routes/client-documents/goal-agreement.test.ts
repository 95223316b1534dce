import { type TClientDocument, type TClientText, ZClientDocument } from "@runder-tisch/contracts";
import { schema } from "@runder-tisch/db";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildMember } from "../../../test/builders.ts";
import { itemsOffPage, readPdf } from "../../../test/pdf-text.ts";
import { concludedConference } from "../../../test/scenarios.ts";
import { useTestApp } from "../../../test/test-app.ts";
import { pollUntil } from "../../../test/wait.ts";
import { MARGIN } from "../../pdf/pdf-document.ts";

const ctx = useTestApp();

/** Every text of the document in reading order, with its mark. */
function textsOf(document: TClientDocument): TClientText[] {
  return [
    document.title,
    ...document.blocks.flatMap((block) => {
      switch (block.type) {
        case "list":
          return block.items;
        case "facts":
          return [
            ...(block.title ? [block.title] : []),
            ...block.rows.flatMap((row) => [row.label, row.value]),
          ];
        default:
          return [block.text];
      }
    }),
  ];
}

const compact = (text: string) => text.replace(/\s+/g, "");

/** The concluded conference once the projection has written its two actions into the table. */
async function concluded() {
  const scenario = await concludedConference(ctx);
  await pollUntil(
    () =>
      ctx.db
        .select({ id: schema.actions.id })
        .from(schema.actions)
        .where(eq(schema.actions.conferenceId, scenario.conference.id)),
    (rows) => rows.length >= 2,
    4_000,
  );
  return scenario;
}

describe("the goal agreement for the person", () => {
  it("says in plain German what was agreed, who does what by when, and whom to ask", async () => {
    const { owner, abh, caritas, conference, caseRow } = await concluded();
    const response = await owner.session.get(`/api/conferences/${conference.id}/goal-agreement`);
    expect(response.statusCode).toBe(200);
    const document = ZClientDocument.parse(response.json());
    expect(document).toMatchObject({ kind: "goal_agreement", lang: "de", dir: "ltr" });
    expect(document.title.text).toBe("Zielvereinbarung");
    expect(document.blocks[0]).toEqual({
      type: "notice",
      text: {
        text: "Das ist eine Zusammenfassung. Das ist kein Bescheid. Das ist keine rechtliche Entscheidung.",
        lang: "de",
      },
    });
    const texts = textsOf(document);
    expect(texts.every((text) => text.mark === undefined)).toBe(true);
    const words = texts.map((text) => text.text);
    expect(words).toContain(caseRow.code);
    expect(words).toContain("Gesicherter Aufenthalt innerhalb von 18 Monaten");
    expect(words).toContain("§ 104c-Voraussetzungen prüfen");
    expect(words).toContain(abh.agency.name);
    expect(words).toContain(caritas.agency.name);
    expect(words).toContain("offen");
    expect(words.some((text) => text.startsWith("Wir treffen uns wieder am "))).toBe(true);
    expect(words).toContain(
      `Sie haben Fragen? Oder etwas stimmt nicht? Dann melden Sie sich bei: ${owner.agency.name}.`,
    );

    // A partner agency of the conference reads it too.
    const partner = await abh.session.get(`/api/conferences/${conference.id}/goal-agreement`);
    expect(partner.statusCode).toBe(200);
  });

  it("is right to left in Arabic and marks the German free text as not translated", async () => {
    const { owner, conference } = await concluded();
    const response = await owner.session.get(
      `/api/conferences/${conference.id}/goal-agreement?lang=ar`,
    );
    const document = ZClientDocument.parse(response.json());
    expect(document).toMatchObject({ lang: "ar", dir: "rtl" });
    expect(document.title).toEqual({ text: "اتفاق الأهداف", lang: "ar" });
    const goal = textsOf(document).find((text) => text.text.startsWith("Gesicherter Aufenthalt"));
    expect(goal).toEqual({
      text: "Gesicherter Aufenthalt innerhalb von 18 Monaten",
      lang: "de",
      mark: { kind: "not_translated", text: "غير مترجم", lang: "ar" },
    });
    const farsi = ZClientDocument.parse(
      (await owner.session.get(`/api/conferences/${conference.id}/goal-agreement?lang=fa`)).json(),
    );
    expect(farsi.dir).toBe("rtl");
    const english = ZClientDocument.parse(
      (await owner.session.get(`/api/conferences/${conference.id}/goal-agreement?lang=en`)).json(),
    );
    expect(english.dir).toBe("ltr");
    expect(textsOf(english).find((text) => text.mark)?.mark?.text).toBe("not translated");
  });

  it("falls back to German, marked, where a language lacks a sentence", async () => {
    const { owner, conference } = await concluded();
    const document = ZClientDocument.parse(
      (await owner.session.get(`/api/conferences/${conference.id}/goal-agreement?lang=ti`)).json(),
    );
    expect(document.title).toEqual({ text: "ስምምዕ ዕላማታት", lang: "ti" });
    expect(document.blocks[0]).toEqual({
      type: "notice",
      text: {
        text: "Das ist eine Zusammenfassung. Das ist kein Bescheid. Das ist keine rechtliche Entscheidung.",
        lang: "de",
        mark: { kind: "translation_missing", text: "ትርጉም የለን", lang: "ti" },
      },
    });
  });

  it("refuses an unknown language with the reason", async () => {
    const { owner, conference } = await concluded();
    for (const url of [
      `/api/conferences/${conference.id}/goal-agreement?lang=xx`,
      `/api/conferences/${conference.id}/goal-agreement.pdf?lang=de-AT`,
    ]) {
      const response = await owner.session.get(url);
      expect(response.statusCode, url).toBe(400);
      expect(response.json().error.details.problems[0], url).toMatchObject({ path: "/lang" });
    }
  });

  it("hides the document from agencies that may not read the conference", async () => {
    const { conference } = await concluded();
    const outsider = await buildMember(ctx);
    const missing = "00000000-0000-4000-8000-000000000000";
    for (const suffix of ["goal-agreement", "goal-agreement.pdf"]) {
      const url = `/api/conferences/${conference.id}/${suffix}`;
      const hidden = await outsider.session.get(url);
      expect(hidden.statusCode, url).toBe(404);
      expect(hidden.json()).toEqual(
        (await outsider.session.get(`/api/conferences/${missing}/${suffix}`)).json(),
      );
      expect((await ctx.app.inject({ method: "GET", url })).statusCode, url).toBe(401);
    }
  });

  it("prints Arabic and Ukrainian PDFs with their words, within the page, and audits them", async () => {
    const { owner, conference, caseRow } = await concluded();
    const arabic = await owner.session.get(
      `/api/conferences/${conference.id}/goal-agreement.pdf?lang=ar`,
    );
    expect(arabic.statusCode).toBe(200);
    expect(arabic.headers["content-type"]).toBe("application/pdf");
    expect(arabic.headers["content-disposition"]).toContain(
      `Zielvereinbarung-${caseRow.code}-ar.pdf`,
    );
    const read = await readPdf(arabic.rawPayload);
    expect(compact(read.text)).toContain(compact("رقم ملفك"));
    expect(compact(read.text)).toContain(compact("أهدافك"));
    expect(read.text).toContain("Gesicherter Aufenthalt innerhalb von 18 Monaten");
    expect(itemsOffPage(read.pages, MARGIN)).toEqual([]);

    const ukrainian = await owner.session.get(
      `/api/conferences/${conference.id}/goal-agreement.pdf?lang=uk`,
    );
    const uk = await readPdf(ukrainian.rawPayload);
    expect(uk.text).toContain("Угода про цілі");
    expect(uk.text).toContain("Ваші цілі");
    expect(uk.text).toContain("не перекладено");

    const audited = await ctx.db
      .select({ action: schema.auditLog.action, detail: schema.auditLog.detail })
      .from(schema.auditLog)
      .where(
        and(eq(schema.auditLog.targetId, conference.id), eq(schema.auditLog.action, "export")),
      );
    expect(audited.map((row) => row.detail)).toEqual([
      { document: "goal_agreement", lang: "ar", format: "pdf" },
      { document: "goal_agreement", lang: "uk", format: "pdf" },
    ]);
  });
});
