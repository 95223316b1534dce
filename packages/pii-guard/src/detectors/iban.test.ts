import { describe, expect, it } from "vitest";
import { isValidIban } from "./iban.ts";
import { found } from "./test-helpers.ts";

describe("IBAN", () => {
  it("validates the mod-97 checksum and the country length", () => {
    expect(isValidIban("DE89370400440532013000")).toBe(true);
    expect(isValidIban("DE89370400440532013001")).toBe(false);
    expect(isValidIban("DE8937040044053201300")).toBe(false);
    expect(isValidIban("TR330006100519786457841326")).toBe(true);
  });

  it("finds grouped and compact IBANs and stops before the following text", () => {
    expect(found("Konto DE89 3704 0044 0532 0130 00.", "iban")).toEqual([
      "DE89 3704 0044 0532 0130 00",
    ]);
    expect(found("auf DE40476501300012345678 (Sparkasse)", "iban")).toEqual([
      "DE40476501300012345678",
    ]);
  });

  it("finds an IBAN typed in lower case when its checksum holds", () => {
    expect(found("Konto: de02 3704 0044 0532 0131 11", "iban")).toEqual([
      "de02 3704 0044 0532 0131 11",
    ]);
    expect(found("Code de02 3704 0044 0532 0131 12 im System", "iban")).toEqual([]);
  });

  it("ignores IBAN-shaped text with a wrong checksum unless it is labelled IBAN", () => {
    expect(found("Code DE89 3704 0044 0532 0130 01 im System", "iban")).toEqual([]);
    expect(found("IBAN: DE89 3704 0044 0532 0130 01", "iban")).toEqual([
      "DE89 3704 0044 0532 0130 01",
    ]);
  });
});
