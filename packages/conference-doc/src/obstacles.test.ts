import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { addObstacle, changeObstacle, readObstacles, withdrawObstacle } from "./obstacles.ts";
import { createEntryMap, DocKey, getObstacles } from "./schema.ts";

describe("obstacles", () => {
  it("are stored under their own top-level name and read in conference order", () => {
    const doc = new Y.Doc();
    addObstacle(doc, { theme: "mobility", description: "Kein Bus zum Kurs vor 9 Uhr" }, "o1");
    addObstacle(
      doc,
      {
        theme: "language",
        description: "Wartezeit Integrationskurs 6 Monate",
        proposedFix: "Mehr Kursplätze beim Träger",
      },
      "o2",
    );
    expect(DocKey.obstacles).toBe("obstacles");
    expect(doc.getArray(DocKey.obstacles).length).toBe(2);
    expect(readObstacles(doc)).toEqual([
      {
        id: "o1",
        theme: "mobility",
        description: "Kein Bus zum Kurs vor 9 Uhr",
        proposedFix: null,
        changedBy: null,
      },
      {
        id: "o2",
        theme: "language",
        description: "Wartezeit Integrationskurs 6 Monate",
        proposedFix: "Mehr Kursplätze beim Träger",
        changedBy: null,
      },
    ]);
  });

  it("are corrected with the name of who did it, and reach the other copy", () => {
    const here = new Y.Doc();
    const there = new Y.Doc();
    here.on("update", (update: Uint8Array) => Y.applyUpdate(there, update));
    const id = addObstacle(here, { theme: "housing", description: "Keine Wohnungen" });
    const changed = changeObstacle(
      here,
      id,
      { theme: "housing", description: "Keine Sozialwohnungen frei", proposedFix: "  " },
      "Fachkraft KIM (KIM)",
    );
    expect(changed).toBe(true);
    expect(readObstacles(there)).toEqual([
      {
        id,
        theme: "housing",
        description: "Keine Sozialwohnungen frei",
        proposedFix: null,
        changedBy: "Fachkraft KIM (KIM)",
      },
    ]);
  });

  it("are withdrawn before finalising; one already gone is reported gone", () => {
    const doc = new Y.Doc();
    const kept = addObstacle(doc, { theme: "work", description: "Anerkennung dauert" });
    const dropped = addObstacle(doc, { theme: "work", description: "doppelt" });
    expect(withdrawObstacle(doc, dropped)).toBe(true);
    expect(readObstacles(doc).map((item) => item.id)).toEqual([kept]);
    expect(withdrawObstacle(doc, dropped)).toBe(false);
    expect(changeObstacle(doc, dropped, { theme: "work", description: "x" }, "y")).toBe(false);
  });

  it("keeps a Kreis's own theme by the form of its key, whether offered or not", () => {
    const doc = new Y.Doc();
    addObstacle(doc, { theme: "k_ehrenamt", description: "Keine Begleitung zu Terminen" }, "e");
    getObstacles(doc).push([createEntryMap({ id: "f", theme: "k_Ehrenamt", description: "x" })]);
    expect(readObstacles(doc).map((item) => [item.id, item.theme])).toEqual([["e", "k_ehrenamt"]]);
  });

  it("skips entries with an unknown theme, no description or a foreign shape", () => {
    const doc = new Y.Doc();
    getObstacles(doc).push([
      createEntryMap({ id: "a", theme: "weather", description: "Regen" }),
      createEntryMap({ id: "b", theme: "mobility", description: "   " }),
      createEntryMap({ id: "c", theme: "mobility", description: 7 }),
      createEntryMap({ theme: "mobility", description: "ohne id" }),
    ]);
    addObstacle(doc, { theme: "mobility", description: "Ticket zu teuer" }, "ok");
    expect(readObstacles(doc).map((item) => item.id)).toEqual(["ok"]);
  });

  it("hand out clean text whatever a client wrote", () => {
    const doc = new Y.Doc();
    getObstacles(doc).push([
      createEntryMap({ id: "x", theme: "finances", description: "Konto\u0000 fehlt" }),
    ]);
    expect(readObstacles(doc)[0]?.description).not.toContain("\u0000");
  });
});
