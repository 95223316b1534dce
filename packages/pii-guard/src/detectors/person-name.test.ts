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
    ["Frau Snežana Ilić kommt", "Frau Snežana Ilić"],
    ["Herr van den Berg fährt", "Herr van den Berg"],
    ["Name im Pass: DIALLO Mamadou", "DIALLO Mamadou"],
    ["Laut Duldung heißt er KAMARA, Ibrahim.", "KAMARA, Ibrahim"],
    ["herr camara hat angerufen", "herr camara"],
    ["Samirs Vater ist in der Türkei.", "Samir"],
    ["Protokoll: K.-H. Meier", "K.-H. Meier"],
    ["Rückfragen an M. Tesfaldet (Sozialdienst).", "M. Tesfaldet"],
    ["Die Familie Gebreyesus hat", "Familie Gebreyesus"],
    ["Sein Sohn Dara lebt bei der Mutter.", "Dara"],
    ["Tsion Mekonnen hat den Kurs angefangen.", "Tsion Mekonnen"],
    ["Herr Hans-Peter Wiegand war dabei.", "Herr Hans-Peter Wiegand"],
  ])("finds %s", (text, name) => {
    expect(found(text, "person_name")).toEqual([name]);
  });

  it("keeps a maiden name apart from the married name", () => {
    expect(found("Frau Yılmaz geb. Demir hat", "person_name")).toEqual(["Frau Yılmaz", "Demir"]);
  });

  it("matches lexicon names with or without diacritics", () => {
    expect(found("Ayse und Ayşe sind Schwestern.", "person_name")).toEqual(["Ayse", "Ayşe"]);
  });

  it("reads every person of a distribution list", () => {
    expect(found("Verteiler: Becker, Okafor, Jovanović (ABH), Schulte", "person_name")).toEqual([
      "Becker",
      "Okafor",
      "Jovanović",
      "Schulte",
    ]);
  });

  it.each([
    "Anwesend: KIM, Jobcenter, ABH, Caritas",
    "Verteiler: Jobcenter Lippe, KIM, Schule",
    "Der Flug nach Addis Abeba ist gebucht.",
    "Firma Schulte und Partner bietet ein Praktikum an.",
    "Die Familie Hilfe zu geben, ist das Ziel.",
    "Zusatz: Anlage A. Zusätzlich wird ein Mietvertrag gebraucht.",
    "Herr Landrat und Frau Bürgermeisterin waren eingeladen.",
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
