import { describe, expect, it } from "vitest";
import { everything, found } from "./test-helpers.ts";

describe("e-mail addresses", () => {
  it("finds plain, dotted, plus and hyphenated addresses", () => {
    expect(found("Mail: m.camara92@gmx.de.", "email")).toEqual(["m.camara92@gmx.de"]);
    expect(found("an ahmad.rahimi+kurs@outlook.de schreiben", "email")).toEqual([
      "ahmad.rahimi+kurs@outlook.de",
    ]);
    expect(found("(eltern-7b@gesamtschule-detmold.de)", "email")).toEqual([
      "eltern-7b@gesamtschule-detmold.de",
    ]);
  });

  it("wins over the name inside it", () => {
    expect(everything("Kontakt: Fatima.Haddad@web.de")).toEqual(["email: Fatima.Haddad@web.de"]);
  });

  it("ignores an @ without a domain", () => {
    expect(found("Treffen @ Jobcenter, 10 Uhr", "email")).toEqual([]);
  });
});
