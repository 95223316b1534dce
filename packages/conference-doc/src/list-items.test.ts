import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  addDecision,
  addGoal,
  changeGoal,
  readDecisions,
  readGoals,
  withdrawDecision,
  withdrawGoal,
} from "./list-items.ts";

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
