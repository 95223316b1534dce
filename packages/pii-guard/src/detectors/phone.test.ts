import { describe, expect, it } from "vitest";
import { found } from "./test-helpers.ts";

describe("phone numbers", () => {
  it.each([
    ["Handy 0176 12345678.", "0176 12345678"],
    ["Tel.: 05231 / 62 47 11 (vormittags)", "05231 / 62 47 11"],
    ["+49 151 23456789, WhatsApp", "+49 151 23456789"],
    ["unter 0049 (0)521 9876543", "0049 (0)521 9876543"],
    ["Zentrale 05231 62-0.", "05231 62-0"],
    ["Festnetz (05261) 28 55 0", "(05261) 28 55 0"],
    ["Vater: +90 532 123 45 67.", "+90 532 123 45 67"],
    ["Tel.05231/987654", "05231/987654"],
    ["Tel.+49 170 1234567 (WhatsApp)", "+49 170 1234567"],
  ])("finds %s", (text, number) => {
    expect(found(text, "phone")).toEqual([number]);
  });

  it.each([
    "Wiedervorlage am 01.08.2026",
    "Kosten 2.450 €, 100 Unterrichtseinheiten",
    "Aktenzeichen 45.12-0815/2024",
    "Umzug nach 01067 Dresden",
    "Fall RT-2026-0007",
    "Der Bus 732 fährt um 18:30 Uhr",
  ])("does not take %s for a phone number", (text) => {
    expect(found(text, "phone")).toEqual([]);
  });
});
