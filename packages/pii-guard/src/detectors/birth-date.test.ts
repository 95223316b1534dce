import { describe, expect, it } from "vitest";
import { found } from "./test-helpers.ts";

describe("dates of birth", () => {
  it.each([
    ["Klient, geb. 12.03.1998, geduldet", "12.03.1998"],
    ["(geboren am 15.09.2019)", "15.09.2019"],
    ["Geburtsdatum: 1.1.1990", "1.1.1990"],
    ["am 23. Mai 2001 geboren", "23. Mai 2001"],
    ["Klientin (* 17.02.1979)", "17.02.1979"],
    ["wird am 02.11.2026 volljährig", "02.11.2026"],
    ["Jahrgang 1996, Duldung seit 2018.", "1996"],
    ["Geburtsdatum 1999-10-05 laut AZR", "1999-10-05"],
    ["Yusuf Demirci (07.05.2001) hat", "07.05.2001"],
    ["- Amina Diallo, 19.08.1996, Duldung", "19.08.1996"],
    ["Geburtsdatum laut Ausweis: 12.12.1987", "12.12.1987"],
    ["Geb.-Datum lt. Pass: 4. Juli 1979", "4. Juli 1979"],
    ["kam am 21. Oktober 2020 in Bielefeld zur Welt", "21. Oktober 2020"],
    ["geb. in Herat, 14.3.2003, Einreise 2019", "14.3.2003"],
  ])("finds the date in %s", (text, date) => {
    expect(found(text, "birth_date")).toEqual([date]);
  });

  it("takes an alternative birth date from another document", () => {
    expect(
      found(
        "Im Pass als Geburtsdatum der 12.12.1992, in der Duldung der 21.12.1992.",
        "birth_date",
      ),
    ).toEqual(["12.12.1992", "21.12.1992"]);
  });

  it.each([
    "Wiedervorlage am 15.03.2027.",
    "Termin am 3.4. um 10:00 Uhr.",
    "Der Bescheid vom 14.02.2026 wurde angefochten.",
    "Die Geburt des Kindes wird im Juni erwartet.",
    "Termin: Montag, 12.01.2026, 10 Uhr.",
    "Der Bescheid (14.02.2026) wurde zugestellt.",
    "geboren in Kabul, Einreise 2015",
  ])("does not take a meeting date or deadline for a birth date: %s", (text) => {
    expect(found(text, "birth_date")).toEqual([]);
  });

  it("stops at the next date of the same sentence when nothing links it to the birth", () => {
    const text = "Ist am 9.9.1991 geboren und seit dem 1.3.2024 gemeldet.";
    expect(found(text, "birth_date")).toEqual(["9.9.1991"]);
  });
});
