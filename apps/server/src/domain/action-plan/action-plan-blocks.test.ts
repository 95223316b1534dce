import { describe, expect, it } from "vitest";
import { splitActionPlanMarkdown } from "./action-plan-blocks.ts";

describe("the action plan's Markdown as blocks", () => {
  it("reads headings by level, lists, and paragraphs, also without blank lines between", () => {
    const blocks = splitActionPlanMarkdown(
      [
        "# Handlungskonzept",
        "Ein **erster** Absatz",
        "über zwei Zeilen.",
        "## Mobilität",
        "- Abendbus",
        "  auf Linie 12",
        "- Sozialticket",
        "1. erstens",
        "2. zweitens",
        "",
        "#### Tief",
        "Schluss",
      ].join("\n"),
    );
    expect(blocks).toEqual([
      { type: "heading", level: 1, text: "Handlungskonzept" },
      { type: "paragraph", text: "Ein erster Absatz über zwei Zeilen." },
      { type: "heading", level: 2, text: "Mobilität" },
      { type: "list", ordered: false, items: ["Abendbus auf Linie 12", "Sozialticket"] },
      { type: "list", ordered: true, items: ["erstens", "zweitens"] },
      { type: "heading", level: 3, text: "Tief" },
      { type: "paragraph", text: "Schluss" },
    ]);
  });
});
