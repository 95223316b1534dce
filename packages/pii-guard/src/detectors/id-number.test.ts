import { describe, expect, it } from "vitest";
import { found } from "./test-helpers.ts";

describe("passport, ID card and permit numbers", () => {
  it.each([
    ["Reisepass Nr. N012345678 (Syrien)", "N012345678"],
    ["Pass-Nr.: P01234567, abgelaufen", "P01234567"],
    ["Aufenthaltstitel Y8K9L0M12 ausgegeben", "Y8K9L0M12"],
    ["Ausweisnummer der Duldung: D-4711-0815", "D-4711-0815"],
    ["Ankunftsnachweis Nr. 123456789012 verloren", "123456789012"],
    ["Ukrainischer Pass FX123456 in Kopie", "FX123456"],
    ["Duldung Nr. 4711-2025-33 liegt vor.", "4711-2025-33"],
    ["Steuer-ID: 12 345 678 901", "12 345 678 901"],
    ["SV-Nummer 65 170839 J 003", "65 170839 J 003"],
    ["Führerscheinnummer J010000SD51 (Umschreibung)", "J010000SD51"],
    ["Tazkira Nr. 1400-0501-11223", "1400-0501-11223"],
    ["Fiktionsbescheinigung Nr. FB-2026-0441, gültig", "FB-2026-0441"],
  ])("finds the number after a cue in %s", (text, number) => {
    expect(found(text, "id_number")).toEqual([number]);
  });

  it("recognises a German ID card or eAT number without a cue", () => {
    expect(found("Die Kopie zeigt C01X00T47.", "id_number")).toEqual(["C01X00T47"]);
  });

  it.each([
    "Der Reisepass fehlt, Passbeschaffung läuft.",
    "Aufenthaltstitel nach § 25b AufenthG seit 2025.",
    "Reisepass abgelaufen am 12.03.2024.",
    "Der eAT wurde beantragt, Abholung in 6 Wochen.",
    "Die Klientin hat Deutsch auf Niveau B1 (DTZ).",
    "Die Duldung nach § 60a AufenthG läuft bis 30.06.2026.",
    "Die Fiktionsbescheinigung ist bis 15.08.2026 gültig.",
    "Führerschein: nicht vorhanden.",
  ])("does not flag %s", (text) => {
    expect(found(text, "id_number")).toEqual([]);
  });
});
