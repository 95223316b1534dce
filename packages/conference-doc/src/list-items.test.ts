import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  addDecision,
  addGoal,
  changeAgendaItem,
  changeGoal,
  markAgendaItemCarried,
  type PlannedAgendaItem,
  readAgenda,
  readDecisions,
  readGoals,
  seedPlannedAgenda,
  setAgendaItemDone,
  withdrawAgendaItem,
  withdrawDecision,
  withdrawGoal,
} from "./list-items.ts";
import { getAgenda } from "./schema.ts";

describe("goals and decisions", () => {
  it("are corrected with the name of who did it, and reach the other copy", () => {
    const here = new Y.Doc();
    const there = new Y.Doc();
    here.on("update", (update: Uint8Array) => Y.applyUpdate(there, update));
    const id = addGoal(here, "Aufenthalt sichern");
    expect(changeGoal(here, id, "Aufenthalt in 18 Monaten sichern", "Fachkraft KIM (KIM)")).toBe(
      true,
    );
    expect(readGoals(there)).toEqual([
      { id, text: "Aufenthalt in 18 Monaten sichern", changedBy: "Fachkraft KIM (KIM)" },
    ]);
  });

  it("are withdrawn before finalising; a goal already withdrawn elsewhere is reported gone", () => {
    const doc = new Y.Doc();
    const kept = addDecision(doc, "ABH prüft § 104c");
    const dropped = addDecision(doc, "Doppelt erfasst");
    expect(withdrawDecision(doc, dropped)).toBe(true);
    expect(readDecisions(doc).map((item) => item.id)).toEqual([kept]);
    expect(withdrawGoal(doc, "gone")).toBe(false);
    expect(changeGoal(doc, "gone", "x", "y")).toBe(false);
  });
});

describe("the agenda", () => {
  const planned = [
    { id: "a1", kind: "case_presentation", title: null },
    { id: "a2", kind: null, title: "Wohnungssuche" },
  ];
  const titleOf = (item: PlannedAgendaItem) => item.title ?? `Standard: ${item.kind}`;

  it("takes in planned items once, also those carried over after it was first opened", () => {
    const doc = new Y.Doc();
    expect(seedPlannedAgenda(doc, planned, titleOf)).toBe(2);
    expect(seedPlannedAgenda(doc, planned, titleOf)).toBe(0);
    const later = [...planned, { id: "a3", kind: null, title: "Sprachkurs (aus Konferenz 1)" }];
    expect(seedPlannedAgenda(doc, later, titleOf)).toBe(1);
    expect(readAgenda(doc).map((item) => item.title)).toEqual([
      "Standard: case_presentation",
      "Wohnungssuche",
      "Sprachkurs (aus Konferenz 1)",
    ]);
  });

  it("reads an item seeded by two editors at once only once", () => {
    const here = new Y.Doc();
    const there = new Y.Doc();
    seedPlannedAgenda(here, planned, titleOf);
    seedPlannedAgenda(there, planned, titleOf);
    Y.applyUpdate(here, Y.encodeStateAsUpdate(there));
    expect(getAgenda(here).length).toBe(4);
    expect(readAgenda(here).map((item) => item.id)).toEqual(["a1", "a2"]);
  });

  it("is reworded with the name of who did it, ticked off, moved on and withdrawn", () => {
    const doc = new Y.Doc();
    seedPlannedAgenda(doc, planned, titleOf);
    expect(changeAgendaItem(doc, "a2", "Wohnungssuche und Umzug", "Fachkraft KIM (KIM)")).toBe(
      true,
    );
    expect(setAgendaItemDone(doc, "a1", true)).toBe(true);
    expect(markAgendaItemCarried(doc, "a2", "2027-01-14")).toBe(true);
    expect(readAgenda(doc)).toEqual([
      expect.objectContaining({ id: "a1", done: true, changedBy: null }),
      expect.objectContaining({
        id: "a2",
        title: "Wohnungssuche und Umzug",
        changedBy: "Fachkraft KIM (KIM)",
        carriedTo: "2027-01-14",
      }),
    ]);
    expect(withdrawAgendaItem(doc, "a1")).toBe(true);
    expect(readAgenda(doc).map((item) => item.id)).toEqual(["a2"]);
    // Withdrawn stays withdrawn: seeding does not bring it back, and it cannot be changed.
    expect(seedPlannedAgenda(doc, planned, titleOf)).toBe(0);
    expect(changeAgendaItem(doc, "a1", "wieder da", "x")).toBe(false);
    expect(withdrawAgendaItem(doc, "a1")).toBe(false);
  });
});
