import { describe, expect, it } from "vitest";
import { found } from "./test-helpers.ts";

describe("file numbers (Aktenzeichen)", () => {
  it.each([
    ["Az. 123/45 – Widerspruch", "123/45"],
    ["AZ: ABH-2024-1234.", "ABH-2024-1234"],
    ["Aktenzeichen 45.12-0815/2024 angeben", "45.12-0815/2024"],
    ["Az.: 5 L 789/25", "5 L 789/25"],
    ["Kundennummer bei der Agentur: 123D456789.", "123D456789"],
    ["Unser Zeichen: JC-LIP-2025-00417", "JC-LIP-2025-00417"],
    ["Az. 54 - 12345/25 eingelegt", "54 - 12345/25"],
    ["AZR 123456789012 laut Auszug.", "123456789012"],
    ["Az. ABH 3.2-1477/26 bitte angeben.", "ABH 3.2-1477/26"],
    ["Kindergeldnummer: 215FK123456", "215FK123456"],
  ])("finds the number after a cue in %s", (text, number) => {
    expect(found(text, "file_number")).toEqual([number]);
  });

  it("recognises BAMF, court and Jobcenter shapes without a cue", () => {
    expect(found("Der Vorgang 7654321-423 liegt vor.", "file_number")).toEqual(["7654321-423"]);
    expect(found("Klage 12 K 3456/24.A läuft.", "file_number")).toEqual(["12 K 3456/24.A"]);
    expect(found("BG 96201BG0012345", "file_number")).toEqual(["96201BG0012345"]);
  });

  it.each([
    "Fall RT-2026-0007 bitte angeben.",
    "Az. siehe Akte.",
    "Antrag nach § 104c AufenthG.",
    "Aktenzeichen fehlt, Termin am 12.03.2026.",
    "Der AZR-Auszug wurde angefordert.",
  ])("does not flag %s", (text) => {
    expect(found(text, "file_number")).toEqual([]);
  });
});
