import { describe, expect, it } from "vitest";
import { assembleActionPlanDraft, type DraftTopic } from "./assemble-action-plan-draft.ts";

const topic = (overrides: Partial<DraftTopic>): DraftTopic => ({
  title: "Thema",
  theme: "mobility",
  description: "",
  state: "open",
  passedTo: null,
  decisions: [],
  workingGroup: null,
  ...overrides,
});

describe("the draft of the action plan", () => {
  it("groups topics by theme in the order of the themes, with state, decisions and working group", () => {
    const { title, body } = assembleActionPlanDraft({
      day: "2026-12-05",
      topics: [
        topic({
          title: "Abendbusse",
          theme: "mobility",
          description: "Kurse nach 18 Uhr sind ohne Auto nicht erreichbar.",
          state: "passed_on",
          passedTo: "Ausschuss für Mobilität",
          decisions: [
            {
              text: "Der Kreis beantragt\neinen Abendbus.",
              decidedAt: new Date("2026-11-12T10:00:00Z"),
            },
          ],
        }),
        topic({
          title: "Wartezeit Sprachkurse",
          theme: "language",
          state: "working_group",
          workingGroup: {
            name: "AG Sprache",
            progress: "Drei Treffen, Träger befragt",
            result: "Zwei zusätzliche Kurse ab Februar",
          },
        }),
        topic({
          title: "Wohnungsbesichtigungen",
          theme: "housing",
          state: "working_group",
          workingGroup: { name: "AG Wohnen", progress: "", result: null },
        }),
      ],
    });
    expect(title).toBe("Handlungskonzept der Lenkungsgruppe, Stand 05.12.2026");
    expect(body.startsWith(`# ${title}\n`)).toBe(true);
    expect(body).toContain("Zusammengestellt aus 3 Themen der Lenkungsgruppe.");
    // Language comes before housing and mobility, as the case themes are ordered.
    const language = body.indexOf("## Sprache");
    const housing = body.indexOf("## Wohnen");
    const mobility = body.indexOf("## Mobilität");
    expect(language).toBeGreaterThan(-1);
    expect(language).toBeLessThan(housing);
    expect(housing).toBeLessThan(mobility);
    expect(body).toContain(
      [
        "### Abendbusse",
        "",
        "Kurse nach 18 Uhr sind ohne Auto nicht erreichbar.",
        "",
        "- Stand: weitergegeben an Ausschuss für Mobilität",
        "",
        "Beschlüsse:",
        "",
        "- 12.11.2026: Der Kreis beantragt einen Abendbus.",
      ].join("\n"),
    );
    expect(body).toContain(
      [
        "### Wartezeit Sprachkurse",
        "",
        "- Stand: in einer Arbeitsgruppe",
        "- Arbeitsgruppe: AG Sprache",
        "- Fortschritt: Drei Treffen, Träger befragt",
        "- Ergebnis: Zwei zusätzliche Kurse ab Februar",
      ].join("\n"),
    );
    expect(body).toContain("- Arbeitsgruppe: AG Wohnen\n- Ergebnis: liegt noch nicht vor");
    expect(body).not.toContain("## Arbeit\n");
  });

  it("says so when the group has no topics yet", () => {
    const { body } = assembleActionPlanDraft({ day: "2026-01-31", topics: [] });
    expect(body).toBe(
      "# Handlungskonzept der Lenkungsgruppe, Stand 31.01.2026\n\nDie Lenkungsgruppe hat noch keine Themen aufgenommen.",
    );
  });

  it("dates a decision by the day in the Kreis, not in UTC", () => {
    const { body } = assembleActionPlanDraft({
      day: "2026-12-05",
      topics: [
        topic({
          decisions: [{ text: "Ja", decidedAt: new Date("2026-06-30T22:30:00Z") }],
        }),
      ],
    });
    expect(body).toContain("- 01.07.2026: Ja");
  });

  it("names themes as the Kreis's catalogue does, its own themes in catalogue order", () => {
    const { body } = assembleActionPlanDraft({
      day: "2026-12-05",
      themeNames: new Map([
        ["mobility", "Mobilität im ländlichen Raum"],
        ["k_ehrenamt", "Ehrenamt"],
      ]),
      topics: [
        topic({ title: "Patenschaften", theme: "k_ehrenamt" }),
        topic({ title: "Abendbusse", theme: "mobility" }),
        topic({ title: "Alt", theme: "k_entfallen" }),
      ],
    });
    const headings = body.split("\n").filter((line) => line.startsWith("## "));
    expect(headings).toEqual(["## Mobilität im ländlichen Raum", "## Ehrenamt", "## k_entfallen"]);
  });
});
