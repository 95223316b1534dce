import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import {
  createAction,
  deleteAction,
  readAction,
  readActions,
  setProjectionError,
  updateAction,
} from "./actions.ts";
import { createEntryMap, getActions } from "./schema.ts";

const validInput = {
  title: "Sprachkurs B1 beantragen",
  responsibleAgencyId: "agency-jobcenter",
  responsiblePersonId: null,
  dueDate: "2025-03-31",
};

describe("actions", () => {
  it("creates an action that reads back valid with defaults", () => {
    const doc = new Y.Doc();
    const id = createAction(doc, validInput, "a1");
    expect(id).toBe("a1");
    expect(readAction(id, getActions(doc).get(id))).toEqual({
      ok: true,
      action: {
        id: "a1",
        ...validInput,
        description: "",
        status: "open",
        projectionError: null,
      },
    });
  });

  it("generates ids when none is given", () => {
    const doc = new Y.Doc();
    const a = createAction(doc, validInput);
    const b = createAction(doc, validInput);
    expect(a).not.toBe(b);
    expect(getActions(doc).size).toBe(2);
  });

  it("updates only the given fields and reports missing actions", () => {
    const doc = new Y.Doc();
    createAction(doc, validInput, "a1");
    expect(updateAction(doc, "a1", { status: "in_progress", dueDate: null })).toBe(true);
    const result = readAction("a1", getActions(doc).get("a1"));
    expect(result.ok && result.action.status).toBe("in_progress");
    expect(result.ok && result.action.dueDate).toBeNull();
    expect(result.ok && result.action.title).toBe(validInput.title);
    expect(updateAction(doc, "missing", { status: "done" })).toBe(false);
  });

  it("returns errors instead of throwing for bad entries", () => {
    const doc = new Y.Doc();
    getActions(doc).set(
      "bad",
      createEntryMap({ title: "", responsibleAgencyId: 5, dueDate: "2025-02-30", status: "later" }),
    );
    const result = readAction("bad", getActions(doc).get("bad"));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.map((e) => e.split(":")[0])).toEqual([
        "title",
        "responsibleAgencyId",
        "dueDate",
        "status",
      ]);
    }
    expect(readAction("x", "not a map")).toEqual({
      ok: false,
      id: "x",
      errors: ["entry is not a map"],
    });
    expect(readAction("x", undefined).ok).toBe(false);
  });

  it("sets and clears the server-side projection marker", () => {
    const doc = new Y.Doc();
    createAction(doc, validInput, "a1");
    setProjectionError(doc, "a1", "responsible_agency_cannot_see_case");
    const marked = readAction("a1", getActions(doc).get("a1"));
    expect(marked.ok && marked.action.projectionError).toBe("responsible_agency_cannot_see_case");
    getActions(doc).get("a1")?.set("projectionError", "Die Stelle ist nicht beteiligt");
    const older = readAction("a1", getActions(doc).get("a1"));
    expect(older.ok && older.action.projectionError).toBe("invalid");
    setProjectionError(doc, "a1", null);
    const cleared = readAction("a1", getActions(doc).get("a1"));
    expect(cleared.ok && cleared.action.projectionError).toBeNull();
    setProjectionError(doc, "gone", "invalid");
    expect(getActions(doc).has("gone")).toBe(false);
  });

  it("lists all entries sorted by id, and deletes", () => {
    const doc = new Y.Doc();
    createAction(doc, validInput, "b");
    createAction(doc, validInput, "a");
    expect(readActions(doc).map((r) => r.ok && r.action.id)).toEqual(["a", "b"]);
    expect(deleteAction(doc, "a")).toBe(true);
    expect(deleteAction(doc, "a")).toBe(false);
    expect(readActions(doc)).toHaveLength(1);
  });

  it("converges when two replicas edit different fields concurrently", () => {
    const left = new Y.Doc();
    createAction(left, validInput, "a1");
    const right = new Y.Doc();
    Y.applyUpdate(right, Y.encodeStateAsUpdate(left));
    updateAction(left, "a1", { status: "done" });
    updateAction(right, "a1", { dueDate: "2025-04-30" });
    Y.applyUpdate(left, Y.encodeStateAsUpdate(right));
    Y.applyUpdate(right, Y.encodeStateAsUpdate(left));
    const fromLeft = readAction("a1", getActions(left).get("a1"));
    expect(fromLeft).toEqual(readAction("a1", getActions(right).get("a1")));
    expect(fromLeft.ok && [fromLeft.action.status, fromLeft.action.dueDate]).toEqual([
      "done",
      "2025-04-30",
    ]);
  });
});
