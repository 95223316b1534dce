import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createAction } from "./actions.ts";
import { insertedNoteMentions, MENTION_NODE } from "./note-mentions.ts";
import { getNotes } from "./schema.ts";

/** Applies what `change` does on a peer to the server's document; answers the mentions found there. */
function mentionsOnServer(server: Y.Doc, peer: Y.Doc, change: (doc: Y.Doc) => void) {
  Y.applyUpdate(peer, Y.encodeStateAsUpdate(server));
  const before = Y.encodeStateVector(peer);
  change(peer);
  const update = Y.encodeStateAsUpdate(peer, before);
  Y.applyUpdate(server, update);
  return insertedNoteMentions(server, update);
}

/** A paragraph as the editor stores it: text, the mention atom, text. */
function paragraphWithMention(userId: string, label: string): Y.XmlElement {
  const mention = new Y.XmlElement(MENTION_NODE);
  mention.setAttribute("id", userId);
  mention.setAttribute("label", label);
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText("Bitte klären: "), mention, new Y.XmlText(" bis Freitag")]);
  return paragraph;
}

describe("mentions added to the notes", () => {
  it("names each person mentioned once, when the mention is written", () => {
    const server = new Y.Doc();
    const peer = new Y.Doc();
    const added = mentionsOnServer(server, peer, (doc) => {
      getNotes(doc).insert(0, [paragraphWithMention("user-1", "Frau Aydin")]);
    });
    expect(added.map((mention) => mention.userId)).toEqual(["user-1"]);

    const typedOn = mentionsOnServer(server, peer, (doc) => {
      const paragraph = getNotes(doc).get(0) as Y.XmlElement;
      (paragraph.get(0) as Y.XmlText).insert(0, "Neu: ");
    });
    expect(typedOn).toEqual([]);
  });

  it("gives a second mention of the same person its own key", () => {
    const server = new Y.Doc();
    const peer = new Y.Doc();
    const first = mentionsOnServer(server, peer, (doc) => {
      getNotes(doc).insert(0, [paragraphWithMention("user-1", "Frau Aydin")]);
    });
    const second = mentionsOnServer(server, peer, (doc) => {
      getNotes(doc).insert(1, [paragraphWithMention("user-1", "Frau Aydin")]);
    });
    expect(second).toHaveLength(1);
    expect(second[0]?.key).not.toBe(first[0]?.key);
  });

  it("ignores mention nodes outside the notes and text that only reads like one", () => {
    const server = new Y.Doc();
    const peer = new Y.Doc();
    const found = mentionsOnServer(server, peer, (doc) => {
      doc.getXmlFragment("elsewhere").insert(0, [paragraphWithMention("user-1", "Frau Aydin")]);
      getNotes(doc).insert(0, [new Y.XmlText("@mention Frau Aydin")]);
      createAction(doc, {
        title: "mention",
        responsibleAgencyId: "a",
        responsiblePersonId: null,
        dueDate: null,
      });
    });
    expect(found).toEqual([]);
  });

  it("ignores a mention without a person", () => {
    const server = new Y.Doc();
    const peer = new Y.Doc();
    const found = mentionsOnServer(server, peer, (doc) => {
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.insert(0, [new Y.XmlElement(MENTION_NODE)]);
      getNotes(doc).insert(0, [paragraph]);
    });
    expect(found).toEqual([]);
  });
});
