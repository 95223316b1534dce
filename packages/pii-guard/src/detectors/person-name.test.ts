import { describe, expect, it } from "vitest";
import { everything, found } from "./test-helpers.ts";

describe("person names", () => {
  it.each([
    ["Herr Camara arbeitet im Lager.", "Herr Camara"],
    ["Frau Dr. Meier empfiehlt", "Frau Dr. Meier"],
    ["Bei Familie Rahimi wurde", "Familie Rahimi"],
    ["Mohammed hat den Termin verpasst.", "Mohammed"],
    ["Iryna Shevchenko ist gekommen.", "Iryna Shevchenko"],
    ["Name: Khaled Al-Hassan, Duldung", "Khaled Al-Hassan"],
    ["Frau El Amrani begleitet", "Frau El Amrani"],
    ["Termin bei Dr. Ahmadi am 5.5.", "Dr. Ahmadi"],
    ["Seine Ehefrau heißt Roza.", "Roza"],
    ["Die Tochter Rosa besucht die Kita.", "Rosa"],
    ["Mutter: Halima Yusufzai", "Halima Yusufzai"],
  ])("finds %s", (text, name) => {
    expect(found(text, "person_name")).toEqual([name]);
  });

  it("keeps a maiden name apart from the married name", () => {
    expect(found("Frau Yılmaz geb. Demir hat", "person_name")).toEqual(["Frau Yılmaz", "Demir"]);
  });

  it("matches lexicon names with or without diacritics", () => {
    expect(found("Ayse und Ayşe sind Schwestern.", "person_name")).toEqual(["Ayse", "Ayşe"]);
  });

  it.each([
    "Der Klient hat eine Duldung.",
    "Herr K. hat den Termin wahrgenommen.",
    "Herr und Frau K. kommen gemeinsam.",
    "Frau Mitte dreißig, alleinerziehend.",
    "Die Frau des Klienten arbeitet in der Pflege.",
    "Die Familie Unterstützung bei Behördengängen zu geben, ist das Ziel.",
    "Zur Kenntnis: Herr Bürgermeister begrüßt das Projekt.",
    "Jobcenter, Caritas und Diakonie stimmen sich im Mai ab.",
    "Montag Sprachkurs, Dienstag Praktikum.",
    "Nur die ABH kann das entscheiden.",
    "Im Sommer beginnt die Ausbildung.",
  ])("leaves roles, agencies and German nouns alone: %s", (text) => {
    expect(everything(text)).toEqual([]);
  });
});
