import { CLIENT_LANGUAGES } from "@runder-tisch/contracts/vocabulary";
import { describe, expect, it } from "vitest";
import { CATALOGUES, type CatalogueKey, GERMAN } from "./index.ts";

const placeholders = (wording: string) =>
  [...wording.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("the translation catalogue", () => {
  it("fills the same placeholders in every language as in German", () => {
    for (const language of CLIENT_LANGUAGES) {
      for (const [key, wording] of Object.entries(CATALOGUES[language])) {
        expect(placeholders(wording), `${language} ${key}`).toEqual(
          placeholders(GERMAN[key as CatalogueKey]),
        );
      }
    }
  });

  it("has every entry in the languages offered as complete, and the marks in all of them", () => {
    const keys = Object.keys(GERMAN).sort();
    for (const language of ["ar", "uk", "fa", "tr", "ru", "fr", "en"] as const) {
      expect(Object.keys(CATALOGUES[language]).sort(), language).toEqual(keys);
    }
    for (const language of CLIENT_LANGUAGES) {
      expect(CATALOGUES[language]["mark.not_translated"], language).toBeTruthy();
      expect(CATALOGUES[language]["mark.translation_missing"], language).toBeTruthy();
    }
  });

  it("keeps the zero-width non-joiner Farsi needs between its word parts", () => {
    expect(CATALOGUES.fa["goal.next_on"]).toContain("می\u200cبینیم");
  });
});
