import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  addAgendaItem,
  addDecision,
  addGoal,
  readAgenda,
  readDecisions,
  readGoals,
} from "./list-items.ts";
import { createEntryMap, DocKey, getAgenda, getNotes, NOTES_FIELD } from "./schema.ts";
import { isIsoDate } from "./validate.ts";

describe("conference document schema", () => {
  it("keeps the notes in an XmlFragment under the documented field name", () => {
    const doc = new Y.Doc();
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText("Begrüßung")]);
    getNotes(doc).insert(0, [paragraph]);
    expect(NOTES_FIELD).toBe("notes");
    expect(doc.getXmlFragment(DocKey.notes).toString()).toBe("<paragraph>Begrüßung</paragraph>");
  });

  it("adds and reads agenda items, goals and decisions in order", () => {
    const doc = new Y.Doc();
    addAgendaItem(doc, { kind: "case_presentation", title: "Fallvorstellung" }, "ag1");
    addAgendaItem(doc, { title: "Sonstiges" }, "ag2");
    addGoal(doc, "Aufenthalt sichern", "g1");
    addDecision(doc, "Nächste Konferenz in 3 Monaten", "d1");
    expect(readAgenda(doc)).toEqual([
      {
        id: "ag1",
        kind: "case_presentation",
        title: "Fallvorstellung",
        done: false,
        changedBy: null,
        carriedTo: null,
      },
      { id: "ag2", kind: null, title: "Sonstiges", done: false, changedBy: null, carriedTo: null },
    ]);
    expect(readGoals(doc)).toEqual([{ id: "g1", text: "Aufenthalt sichern", changedBy: null }]);
    expect(readDecisions(doc)).toEqual([
      { id: "d1", text: "Nächste Konferenz in 3 Monaten", changedBy: null },
    ]);
  });

  it("skips malformed list entries instead of failing", () => {
    const doc = new Y.Doc();
    getAgenda(doc).push([createEntryMap({ title: 42 })]);
    addAgendaItem(doc, { title: "ok" }, "ok");
    expect(readAgenda(doc).map((item) => item.id)).toEqual(["ok"]);
  });

  it("validates calendar dates", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2025-02-29")).toBe(false);
    expect(isIsoDate("2025-1-01")).toBe(false);
    expect(isIsoDate(20250101)).toBe(false);
  });
});
