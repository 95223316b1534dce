import { describe, expect, it } from "vitest";
import { found } from "./test-helpers.ts";

describe("postal addresses", () => {
  it.each([
    ["wohnt in der Bahnhofstraße 12 bei", "Bahnhofstraße 12"],
    ["Hauptstr. 22-24, Zimmer 9", "Hauptstr. 22-24"],
    ["Mühlengasse 2 b, 32657 Lemgo", "Mühlengasse 2 b, 32657 Lemgo"],
    ["in die Konrad-Adenauer-Straße 4 gezogen", "Konrad-Adenauer-Straße 4"],
    ["Lange Straße 7 ist", "Lange Straße 7"],
    ["Meldeadresse: Am Markt 7, 33602 Bielefeld", "Am Markt 7, 33602 Bielefeld"],
    ["Umzug nach 60311 Frankfurt am Main", "60311 Frankfurt am Main"],
  ])("finds %s", (text, address) => {
    expect(found(text, "address")).toEqual([address]);
  });

  it("keeps street and town apart when joined by 'in'", () => {
    expect(found("Eichenweg 19 in 32657 Lemgo", "address")).toEqual([
      "Eichenweg 19",
      "32657 Lemgo",
    ]);
  });

  it.each([
    "Der Ausbildungsplatz 2026 ist offen.",
    "Auf dem Arbeitsweg 2 Mal umsteigen.",
    "Am Montag 10 Uhr Termin.",
    "Die Stadt hat 12000 Akten.",
    "Er sucht eine Wohnung in Detmold.",
    "Die Straße 5 ist gesperrt.",
  ])("does not flag %s", (text) => {
    expect(found(text, "address")).toEqual([]);
  });
});
