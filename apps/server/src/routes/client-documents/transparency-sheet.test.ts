import { type TClientDocument, ZClientDocument } from "@runder-tisch/contracts";
import { schema } from "@runder-tisch/db";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildMember } from "../../../test/builders.ts";
import { itemsOffPage, readPdf } from "../../../test/pdf-text.ts";
import { concludedConference } from "../../../test/scenarios.ts";
import { useTestApp } from "../../../test/test-app.ts";
import { MARGIN } from "../../pdf/pdf-document.ts";

const ctx = useTestApp();

/** The agencies listed, each with its rows as "label: value". */
function agenciesOf(document: TClientDocument) {
  return document.blocks.flatMap((block) =>
    block.type === "facts" && block.title
      ? [
          {
            agency: block.title.text,
            rows: block.rows.map((row) => `${row.label.text}: ${row.value.text}`),
            marks: block.rows.map((row) => row.value.mark?.text ?? null),
          },
        ]
      : [],
  );
}

const paragraphsOf = (document: TClientDocument) =>
  document.blocks.flatMap((block) => (block.type === "paragraph" ? [block.text.text] : []));

const compact = (text: string) => text.replace(/\s+/g, "");

describe("the transparency sheet for the person", () => {
  it("names every agency that may see the case, on which basis, for what and until when", async () => {
    const { owner, abh, caritas, caseRow } = await concludedConference(ctx);
    const response = await owner.session.get(`/api/cases/${caseRow.id}/transparency-sheet`);
    expect(response.statusCode).toBe(200);
    const document = ZClientDocument.parse(response.json());
    expect(document).toMatchObject({ kind: "transparency_sheet", lang: "de", dir: "ltr" });
    expect(document.title.text).toBe("Wer darf Ihren Fall sehen?");
    expect(document.blocks[0]).toMatchObject({
      type: "notice",
      text: { text: "Das ist eine Information für Sie. Das ist kein Bescheid." },
    });
    const agencies = agenciesOf(document);
    expect(agencies.map((entry) => entry.agency).sort()).toEqual(
      [abh.agency.name, caritas.agency.name].sort(),
    );
    const abhRows = agencies.find((entry) => entry.agency === abh.agency.name)?.rows;
    expect(abhRows?.[0]).toMatch(/^Warum: Ein Gesetz erlaubt es: § .+\.$/);
    const caritasRows = agencies.find((entry) => entry.agency === caritas.agency.name)?.rows;
    expect(caritasRows?.[0]).toMatch(
      /^Warum: Sie haben zugestimmt \(Einwilligung vom \d+\. \S+ \d{4}\)\.$/,
    );
    expect(caritasRows?.[2]).toBe("Bis wann: bis Sie Ihre Zustimmung zurücknehmen");
    const paragraphs = paragraphsOf(document);
    expect(paragraphs).toContain(
      `${owner.agency.name} führt Ihren Fall. Diese Stelle darf Ihren Fall immer sehen.`,
    );
    expect(
      paragraphs.some((text) => text.includes(`Sagen Sie es dieser Stelle: ${owner.agency.name}.`)),
    ).toBe(true);
    expect(paragraphs).toContain(
      `Sie dürfen fragen, was über Sie gespeichert ist. Sie dürfen Fehler berichtigen lassen. Wenden Sie sich an: ${owner.agency.name}.`,
    );
  });

  it("leaves out a basis once it is revoked", async () => {
    const { owner, caritas, caritasBasis, caseRow } = await concludedConference(ctx);
    await ctx.db
      .update(schema.sharingBases)
      .set({ revokedAt: new Date(), revokedBy: owner.user.id })
      .where(eq(schema.sharingBases.id, caritasBasis.id));
    const document = ZClientDocument.parse(
      (await owner.session.get(`/api/cases/${caseRow.id}/transparency-sheet`)).json(),
    );
    expect(agenciesOf(document).map((entry) => entry.agency)).not.toContain(caritas.agency.name);
  });

  it("is for the owning agency only: partners and others get a missing case", async () => {
    const { abh, caseRow } = await concludedConference(ctx);
    const outsider = await buildMember(ctx);
    const missing = "00000000-0000-4000-8000-000000000000";
    for (const suffix of ["transparency-sheet", "transparency-sheet.pdf"]) {
      const url = `/api/cases/${caseRow.id}/${suffix}`;
      const expected = (await outsider.session.get(`/api/cases/${missing}/${suffix}`)).json();
      for (const caller of [abh, outsider]) {
        const hidden = await caller.session.get(url);
        expect(hidden.statusCode, url).toBe(404);
        expect(hidden.json(), url).toEqual(expected);
      }
      expect((await ctx.app.inject({ method: "GET", url })).statusCode, url).toBe(401);
    }
  });

  it("refuses an unknown language with the reason", async () => {
    const { owner, caseRow } = await concludedConference(ctx);
    const response = await owner.session.get(
      `/api/cases/${caseRow.id}/transparency-sheet?lang=klingon`,
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.problems[0]).toMatchObject({ path: "/lang" });
  });

  it("is right to left in Farsi, marks the purpose as German, and falls back marked in Tigrinya", async () => {
    const { owner, caseRow } = await concludedConference(ctx);
    const farsi = ZClientDocument.parse(
      (await owner.session.get(`/api/cases/${caseRow.id}/transparency-sheet?lang=fa`)).json(),
    );
    expect(farsi).toMatchObject({ lang: "fa", dir: "rtl" });
    expect(agenciesOf(farsi)[0]?.marks).toEqual([null, "ترجمه نشده", null]);
    const tigrinya = ZClientDocument.parse(
      (await owner.session.get(`/api/cases/${caseRow.id}/transparency-sheet?lang=ti`)).json(),
    );
    expect(tigrinya.dir).toBe("ltr");
    expect(tigrinya.title).toEqual({
      text: "Wer darf Ihren Fall sehen?",
      lang: "de",
      mark: { kind: "translation_missing", text: "ትርጉም የለን", lang: "ti" },
    });
  });

  it("prints Arabic and Ukrainian PDFs with their words, within the page", async () => {
    const { owner, abh, caseRow } = await concludedConference(ctx);
    const arabic = await owner.session.get(
      `/api/cases/${caseRow.id}/transparency-sheet.pdf?lang=ar`,
    );
    expect(arabic.statusCode).toBe(200);
    expect(arabic.headers["content-disposition"]).toContain(
      `Transparenzblatt-${caseRow.code}-ar.pdf`,
    );
    const read = await readPdf(arabic.rawPayload);
    expect(compact(read.text)).toContain(compact("لماذا"));
    expect(compact(read.text)).toContain(compact("رقم ملفك"));
    expect(read.text).toContain(abh.agency.name);
    expect(itemsOffPage(read.pages, MARGIN)).toEqual([]);
    const ukrainian = await readPdf(
      (await owner.session.get(`/api/cases/${caseRow.id}/transparency-sheet.pdf?lang=uk`))
        .rawPayload,
    );
    expect(ukrainian.text).toContain("Хто може бачити вашу справу?");
    expect(ukrainian.text).toContain("Хочете відкликати згоду?");
  });
});
