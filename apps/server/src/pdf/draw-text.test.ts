import { describe, expect, it } from "vitest";
import { itemsOffPage, readPdf } from "../../test/pdf-text.ts";
import { resolveLevels, visualRuns } from "./bidi-runs.ts";
import { drawText } from "./draw-text.ts";
import { createPdfDocument, MARGIN, tag } from "./pdf-document.ts";
import { styleText } from "./styled-text.ts";

async function render(paragraphs: string[]) {
  const { pdf, root, width, finish } = createPdfDocument({
    title: "Probe",
    subject: "Schriften",
    author: "Test",
    lang: "de-DE",
  });
  for (const text of paragraphs) {
    root.add(tag(pdf, "P", () => drawText(pdf, text, { x: MARGIN, width }, { size: 11 })));
  }
  return finish((page, pages) => `Seite ${page} von ${pages}`);
}

const compact = (text: string) => text.replace(/\s+/g, "");

describe("the PDF text layer", () => {
  it("keeps names in Latin with diacritics, Cyrillic, Arabic and Ethiopic readable", async () => {
    const bytes = await render([
      "Ayşe aus Łódź trifft Юлия in Straße 5.",
      "مرحبا بكم",
      "سلام، به جلسه خوش آمدید.",
      "الأهداف لا تزال مفتوحة",
      "እንቋዕ ብደሓን መጻእኩም",
      "Вітаємо на зустрічі",
    ]);
    const { text } = await readPdf(bytes);
    expect(text).toContain("Ayşe aus Łódź trifft Юлия in Straße 5.");
    expect(compact(text)).toContain(compact("مرحبا بكم"));
    // Joined letters (lam-alef) copy back in the order they were written.
    expect(compact(text)).toContain(compact("سلام، به جلسه خوش آمدید."));
    expect(compact(text)).toContain(compact("الأهداف لا تزال مفتوحة"));
    expect(compact(text)).toContain(compact("እንቋዕ ብደሓን መጻእኩም"));
    expect(text).toContain("Вітаємо на зустрічі");
    expect(text).not.toContain("\uFFFD");
  });

  it("wraps a 400-character word and long Arabic text within the page", async () => {
    const word = "Donaudampfschifffahrtsgesellschaft".repeat(12).slice(0, 400);
    const { pages, text } = await readPdf(await render([word, "مرحبا ".repeat(200)]));
    expect(compact(text)).toContain(word);
    expect(itemsOffPage(pages, MARGIN)).toEqual([]);
    const pieces = pages[0]?.items.filter((item) => item.text && word.includes(item.text)) ?? [];
    expect(new Set(pieces.map((item) => item.y)).size).toBeGreaterThan(4);
  });

  it("marks characters no embedded font has instead of printing empty boxes", async () => {
    const { text } = await readPdf(await render(["Termin 🙂 漢字"]));
    expect(text).toContain("Termin \uFFFD \uFFFD\uFFFD");
  });
});

describe("visual order of a line", () => {
  const runsOf = (text: string) => {
    const styled = styleText(text, "regular");
    const levels = resolveLevels(styled.text, "auto");
    return visualRuns(styled, levels, { start: 0, end: styled.text.length });
  };

  it("puts the first Arabic word on the right and hands Arabic runs over for shaping", () => {
    // fontkit reverses an Arabic run as it shapes it, so the run goes in reading order.
    expect(runsOf("مرحبا بكم")).toEqual([
      { text: "مرحبا بكم", style: "regular", family: "arabic" },
    ]);
  });

  it("orders German inside an Arabic sentence and mirrors its brackets", () => {
    const runs = runsOf("موعد (Jobcenter) غدا");
    expect(runs.map((run) => run.text)).toEqual(["غدا", " (", "Jobcenter", ")", "موعد "]);
  });

  it("keeps an isolated German norm whole inside an Arabic sentence and draws no control", () => {
    const styled = styleText("القانون يسمح بذلك: \u2068§ 69 Abs. 1 SGB X\u2069.", "regular");
    const levels = resolveLevels(styled.text, "rtl");
    const runs = visualRuns(styled, levels, { start: 0, end: styled.text.length });
    expect(runs.map((run) => run.text)).toEqual([".", "§ 69 Abs. 1 SGB X", "القانون يسمح بذلك: "]);
  });

  it("keeps Persian digits in their order", () => {
    const runs = runsOf("ماه ۱۸");
    // Persian digits belong to the Arabic script, so they too are reversed for fontkit.
    expect(runs.map((run) => run.text)).toEqual(["۸۱", "ماه "]);
  });
});
