import { describe, expect, it } from "vitest";
import { reasonOfIssue, ZCreateCommentRequest, ZIsoDate, ZIsoDateTime } from "./index.ts";
import { cleanText, hasPlausibleYear, isCleanText } from "./input-rules.ts";

describe("what text may contain", () => {
  it("keeps letters of every script, emoji, tabs and line breaks", () => {
    for (const value of ["Ayşe Yılmaz", "ትግርኛ", "مرحبا", "Zeile 1\r\nZeile 2\tEnde", "👍🏽 ok"]) {
      expect(isCleanText(value), value).toBe(true);
    }
  });

  it("refuses NUL, other control characters and halves of surrogate pairs", () => {
    for (const value of [
      "a\u0000b",
      "\u001b[31m",
      "\u007f",
      "a\u0085b",
      "x\ud800",
      "\udc00x",
      "\ud83d",
    ]) {
      expect(isCleanText(value), JSON.stringify(value)).toBe(false);
    }
  });

  it("cleans typed-in text to what the rule allows, keeping what a reader sees", () => {
    expect(cleanText("Pass\u0000 beantragen\u0007")).toBe("Pass beantragen");
    expect(cleanText("x\ud800y 👍")).toBe("x\ufffdy 👍");
    expect(isCleanText(cleanText("\u0001\ud800\udc00\udfff"))).toBe(true);
  });

  it("refuses such text in a request with the reason the forms translate", () => {
    const result = ZCreateCommentRequest.safeParse({ body: "Anruf\u0000" });
    expect(result.success).toBe(false);
    const issue = result.error?.issues[0];
    expect(issue && reasonOfIssue(issue)).toEqual({ reason: "invalid_character" });
  });
});

describe("what a date may be", () => {
  it("accepts the years of the lives and files we keep, and refuses the ends of the calendar", () => {
    expect(hasPlausibleYear("1931-05-01")).toBe(true);
    expect(ZIsoDate.safeParse("2026-12-31").success).toBe(true);
    for (const value of ["0000-01-01", "1899-12-31", "9999-12-31"]) {
      expect(ZIsoDate.safeParse(value).success, value).toBe(false);
    }
    expect(ZIsoDateTime.safeParse("0000-01-01T00:00:00Z").success).toBe(false);
  });
});
