import { describe, expect, it } from "vitest";
import { findPii } from "./detect.ts";
import {
  PII_EXPLANATIONS,
  PII_LABELS,
  PII_PLACEHOLDERS,
  placeholderFor,
  replaceFinding,
  replaceFindings,
  StaleFindingError,
} from "./placeholders.ts";
import { PII_KINDS } from "./types.ts";

describe("placeholders and explanations", () => {
  it("has a placeholder, a label and a German explanation for every kind", () => {
    for (const kind of PII_KINDS) {
      expect(PII_PLACEHOLDERS[kind]).toMatch(/^\[.+\]$/);
      expect(PII_LABELS[kind].length).toBeGreaterThan(2);
      expect(PII_EXPLANATIONS[kind].length).toBeGreaterThan(40);
    }
    expect(placeholderFor("person_name")).toBe("[Name]");
    expect(placeholderFor("id_number")).toBe("[Ausweisnummer]");
  });

  it("replaces one finding, as the editor's quick fix does", () => {
    const text = "Herr Camara kommt am Dienstag.";
    const [finding] = findPii(text);
    if (!finding) throw new Error("expected a finding");
    expect(replaceFinding(text, finding)).toBe("[Name] kommt am Dienstag.");
    expect(replaceFinding(text, finding, "Der Klient")).toBe("Der Klient kommt am Dienstag.");
  });

  it("refuses a finding that no longer matches the text", () => {
    const finding = findPii("Herr Camara kommt.")[0];
    if (!finding) throw new Error("expected a finding");
    expect(() => replaceFinding("Herr Diallo kommt.", finding)).toThrow(StaleFindingError);
  });

  it("replaces all findings of one check without shifting offsets", () => {
    const text = "Frau Haddad, Tel. 0176 12345678, geb. 12.03.1998, wohnt Bergstraße 5.";
    expect(replaceFindings(text, findPii(text))).toBe(
      "[Name], Tel. [Telefon], geb. [Geburtsdatum], wohnt [Adresse].",
    );
  });
});
