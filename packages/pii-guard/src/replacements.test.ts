import { describe, expect, it } from "vitest";
import { findPii } from "./detect.ts";
import { applyReplacement, naturalReplacements } from "./replacements.ts";

const TODAY = new Date(2026, 11, 4);

/** Every offer for the first finding of `kind`, applied to the sentence. */
function offers(source: string, kind: string): string[] {
  const finding = findPii(source).find((candidate) => candidate.kind === kind);
  if (!finding) throw new Error(`no ${kind} in ${source}`);
  return naturalReplacements(source, finding, TODAY).map((offer) =>
    applyReplacement(source, offer),
  );
}

describe("natural replacements", () => {
  it("a name becomes an initial or a role that fits the salutation and the sentence", () => {
    expect(offers("Herr Mamadou Camara hat den Termin verpasst.", "person_name")).toEqual([
      "Herr C. hat den Termin verpasst.",
      "Der Klient hat den Termin verpasst.",
      "[Name] hat den Termin verpasst.",
    ]);
    expect(offers("Bitte Herrn Camara anrufen.", "person_name")).toEqual([
      "Bitte Herrn C. anrufen.",
      "Bitte den Klienten anrufen.",
      "Bitte [Name] anrufen.",
    ]);
    expect(offers("Termin mit Frau Ayşe Yılmaz vereinbaren", "person_name")).toEqual([
      "Termin mit Frau Y. vereinbaren",
      "Termin mit der Klientin vereinbaren",
      "Termin mit [Name] vereinbaren",
    ]);
  });

  it("a name without a salutation becomes the client in either gender", () => {
    expect(offers("Gespräch mit Mamadou Camara im Mai", "person_name")).toEqual([
      "Gespräch mit dem Klienten im Mai",
      "Gespräch mit der Klientin im Mai",
      "Gespräch mit [Name] im Mai",
    ]);
  });

  it("a birth date with its cue becomes the age, so the sentence still reads", () => {
    expect(
      offers("Herr C., geboren am 14.03.1999, hat den Termin verpasst.", "birth_date"),
    ).toEqual([
      "Herr C., 27 Jahre alt, hat den Termin verpasst.",
      "Herr C., geboren am [Geburtsdatum], hat den Termin verpasst.",
    ]);
    expect(offers("Tochter (geb. 15.12.2019) braucht einen Kitaplatz.", "birth_date")).toEqual([
      "Tochter (6 Jahre alt) braucht einen Kitaplatz.",
      "Tochter (geb. [Geburtsdatum]) braucht einen Kitaplatz.",
    ]);
  });

  it("other kinds keep their placeholder", () => {
    expect(offers("Erreichbar unter 0176 12345678.", "phone")).toEqual([
      "Erreichbar unter [Telefon].",
    ]);
  });
});
