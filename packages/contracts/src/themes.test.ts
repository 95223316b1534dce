import { describe, expect, it } from "vitest";
import {
  CASE_THEMES,
  isThemeKey,
  reasonOfIssue,
  ZCaseTheme,
  ZCreateCaseRequest,
  ZMinutesContent,
  ZUpdateThemeRequest,
} from "./index.ts";

describe("theme keys", () => {
  it("accepts the twelve defaults and a Kreis's own keys of the fixed form", () => {
    for (const key of [
      ...CASE_THEMES,
      "k_ehrenamt",
      "k_digitale_teilhabe",
      "k_2",
      `k_${"a".repeat(38)}`,
    ]) {
      expect(ZCaseTheme.safeParse(key).success, key).toBe(true);
      expect(isThemeKey(key), key).toBe(true);
    }
  });

  it("refuses every other form, with the reason a form can show", () => {
    for (const key of [
      "",
      "ehrenamt",
      "k_",
      "k_Ehrenamt",
      "k_digitale-teilhabe",
      "k_ä",
      "k_a b",
      `k_${"a".repeat(39)}`,
      "K_ehrenamt",
      " work",
    ]) {
      const parsed = ZCaseTheme.safeParse(key);
      expect(parsed.success, key).toBe(false);
      expect(isThemeKey(key), key).toBe(false);
      const [issue] = parsed.error?.issues ?? [];
      expect(issue && reasonOfIssue(issue).reason).toBe("invalid_choice");
    }
    expect(isThemeKey(42)).toBe(false);
  });

  it("lets a case carry custom themes, each once", () => {
    const parsed = ZCreateCaseRequest.parse({ themes: ["work", "k_ehrenamt", "k_ehrenamt"] });
    expect(parsed.themes).toEqual(["work", "k_ehrenamt"]);
  });

  it("reads minutes whose obstacles name a custom theme", () => {
    const obstacles = ZMinutesContent.shape.obstacles;
    expect(
      obstacles.safeParse([{ theme: "k_ehrenamt", description: "Keine Fahrt", proposedFix: null }])
        .success,
    ).toBe(true);
  });

  it("needs something to change a theme", () => {
    expect(ZUpdateThemeRequest.safeParse({}).success).toBe(false);
    expect(ZUpdateThemeRequest.safeParse({ active: false }).success).toBe(true);
    expect(ZUpdateThemeRequest.safeParse({ labelDe: "  " }).success).toBe(false);
  });
});
