import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createAction, updateAction } from "./actions.ts";
import { addGoal } from "./list-items.ts";
import { touchedActionFields, WHOLE_ENTRY } from "./touched-actions.ts";

/** Applies what `change` does on a peer to a second document and reports what it touched there. */
function touchedOnServer(server: Y.Doc, peer: Y.Doc, change: (doc: Y.Doc) => void) {
  Y.applyUpdate(peer, Y.encodeStateAsUpdate(server));
  const before = Y.encodeStateVector(peer);
  change(peer);
  const update = Y.encodeStateAsUpdate(peer, before);
  Y.applyUpdate(server, update);
  return touchedActionFields(server, update);
}

const input = {
  title: "Pass beantragen",
  responsibleAgencyId: "a",
  responsiblePersonId: null,
  dueDate: null,
};

describe("which action fields an update wrote", () => {
  it("names a new entry as a whole, and a changed field by its name", () => {
    const server = new Y.Doc();
    const peer = new Y.Doc();
    let id = "";
    const created = touchedOnServer(server, peer, (doc) => {
      id = createAction(doc, input);
    });
    expect([...created.keys()]).toEqual([id]);
    expect(created.get(id)?.has(WHOLE_ENTRY)).toBe(true);

    const changed = touchedOnServer(server, peer, (doc) => {
      updateAction(doc, id, { status: "done", dueDate: "2027-01-04" });
    });
    expect(changed).toEqual(new Map([[id, new Set(["status", "dueDate"])]]));
  });

  it("names nothing for changes outside the actions", () => {
    const server = new Y.Doc();
    const peer = new Y.Doc();
    const touched = touchedOnServer(server, peer, (doc) => {
      addGoal(doc, "Sprachkurs B1");
      doc.getXmlFragment("notes").insert(0, [new Y.XmlText("Notiz")]);
    });
    expect(touched.size).toBe(0);
  });
});
