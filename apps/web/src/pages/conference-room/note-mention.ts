import {
  MENTION_ID_ATTRIBUTE,
  MENTION_LABEL_ATTRIBUTE,
  MENTION_NODE,
} from "@runder-tisch/conference-doc";
import { mergeAttributes, Node } from "@tiptap/core";

/**
 * A person mentioned (@) in the notes: an atom that carries the person's id, so the
 * server can tell them, and the name shown here. The minutes show the name the platform
 * knows for the id, not this label.
 */
export const NoteMention = Node.create({
  name: MENTION_NODE,
  group: "inline",
  inline: true,
  atom: true,
  selectable: false,
  addAttributes() {
    return {
      [MENTION_ID_ATTRIBUTE]: {
        default: null,
        parseHTML: (element) => element.getAttribute("data-mention-id"),
        renderHTML: (attributes) => ({ "data-mention-id": attributes[MENTION_ID_ATTRIBUTE] }),
      },
      [MENTION_LABEL_ATTRIBUTE]: {
        default: "",
        parseHTML: (element) => element.getAttribute("data-label") ?? "",
        renderHTML: (attributes) => ({ "data-label": attributes[MENTION_LABEL_ATTRIBUTE] }),
      },
    };
  },
  parseHTML() {
    return [{ tag: "span[data-mention-id]" }];
  },
  renderHTML({ node, HTMLAttributes }) {
    return [
      "span",
      mergeAttributes({ class: "mention" }, HTMLAttributes),
      `@${node.attrs[MENTION_LABEL_ATTRIBUTE]}`,
    ];
  },
  renderText({ node }) {
    return `@${node.attrs[MENTION_LABEL_ATTRIBUTE]}`;
  },
});

/** What the editor inserts for a chosen person: the mention and a space to type on. */
export function mentionContent(person: { id: string; displayName: string }) {
  return [
    {
      type: MENTION_NODE,
      attrs: { [MENTION_ID_ATTRIBUTE]: person.id, [MENTION_LABEL_ATTRIBUTE]: person.displayName },
    },
    { type: "text", text: " " },
  ];
}
