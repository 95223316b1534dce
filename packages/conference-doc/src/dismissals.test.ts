import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { dismissFinding, readDismissals } from "./dismissals.ts";
import { createEntryMap, DocKey } from "./schema.ts";

describe("dismissed findings", () => {
  it("reach every copy of the document with who, when and why", () => {
    const here = new Y.Doc();
    const there = new Y.Doc();
    here.on("update", (update: Uint8Array) => Y.applyUpdate(there, update));
    dismissFinding(
      here,
      {
        kind: "person_name",
        text: "Frau Becker",
        reason: "Sachbearbeiterin im Jobcenter",
        by: "Fachkraft KIM (KIM)",
      },
      "2026-12-04T10:00:00.000Z",
    );
    expect(readDismissals(there)).toEqual([
      {
        kind: "person_name",
        text: "Frau Becker",
        reason: "Sachbearbeiterin im Jobcenter",
        by: "Fachkraft KIM (KIM)",
        at: "2026-12-04T10:00:00.000Z",
      },
    ]);
  });

  it("skips entries without a reason or under a key that does not match", () => {
    const doc = new Y.Doc();
    const map = doc.getMap(DocKey.piiDismissals);
    map.set(
      "person_name:Herr X",
      createEntryMap({ kind: "person_name", text: "Herr X", by: "a", at: "b" }),
    );
    map.set(
      "phone:0176",
      createEntryMap({ kind: "person_name", text: "Herr Y", reason: "r", by: "a", at: "b" }),
    );
    expect(readDismissals(doc)).toEqual([]);
  });
});
