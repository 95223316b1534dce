import { MENTION_ID_ATTRIBUTE, MENTION_NODE } from "@runder-tisch/conference-doc";
import { cleanText } from "@runder-tisch/contracts/input-rules";
import * as Y from "yjs";

/** Who a mention names: the person's name, or a placeholder where the name is not wanted. */
export type MentionNames = ReadonlyMap<string, string>;
const NOBODY: MentionNames = new Map();

/**
 * The TipTap notes (a ProseMirror tree in a Y.XmlFragment) as plain Markdown:
 * headings, paragraphs, bullet and numbered lists, bold and italic. Anything
 * else is reduced to its text, so no content is lost in the minutes. Control
 * characters that came in by paste are left out: the minutes are stored as jsonb,
 * which refuses NUL, and a reader cannot see them anyway. A mention (@) reads as
 * the person's name from `names`, or "@…" when it has none there (the personal-data
 * check reads the notes without names: staff are not the client).
 */
export function notesToMarkdown(fragment: Y.XmlFragment, names: MentionNames = NOBODY): string {
  const blocks = fragment.toArray().map((node) => blockToMarkdown(node, "", names));
  return cleanText(
    blocks
      .filter((block) => block.length > 0)
      .join("\n\n")
      .trim(),
  );
}

function blockToMarkdown(
  node: Y.XmlElement | Y.XmlText | Y.XmlHook,
  indent: string,
  names: MentionNames,
): string {
  if (node instanceof Y.XmlText) return inlineText(node);
  if (!(node instanceof Y.XmlElement)) return "";
  switch (node.nodeName) {
    case "heading": {
      const level = Math.min(Math.max(Number(node.getAttribute("level")) || 2, 1), 6);
      return `${"#".repeat(level)} ${childrenInline(node, names)}`;
    }
    case "bulletList":
    case "orderedList":
      return node
        .toArray()
        .map((item, index) => {
          const marker = node.nodeName === "bulletList" ? "-" : `${index + 1}.`;
          const body =
            item instanceof Y.XmlElement
              ? item
                  .toArray()
                  .map((child) => blockToMarkdown(child, `${indent}  `, names))
                  .join(`\n${indent}  `)
              : "";
          return `${indent}${marker} ${body}`;
        })
        .join("\n");
    case "blockquote":
      return node
        .toArray()
        .map((child) => `> ${blockToMarkdown(child, indent, names)}`)
        .join("\n");
    default:
      return node.toArray().some(isBlock)
        ? node
            .toArray()
            .map((child) => blockToMarkdown(child, indent, names))
            .join("\n\n")
        : childrenInline(node, names);
  }
}

function isMention(node: unknown): node is Y.XmlElement {
  return node instanceof Y.XmlElement && node.nodeName === MENTION_NODE;
}

function isBlock(node: unknown): boolean {
  return node instanceof Y.XmlElement && !isMention(node);
}

function childrenInline(element: Y.XmlElement, names: MentionNames): string {
  return element
    .toArray()
    .map((child) => {
      if (child instanceof Y.XmlText) return inlineText(child);
      if (isMention(child))
        return `@${names.get(String(child.getAttribute(MENTION_ID_ATTRIBUTE))) ?? "…"}`;
      return "";
    })
    .join("");
}

function inlineText(text: Y.XmlText): string {
  const delta = text.toDelta() as { insert?: unknown; attributes?: Record<string, unknown> }[];
  return delta
    .map((op) => {
      if (typeof op.insert !== "string") return "";
      const bold = op.attributes?.bold !== undefined ? "**" : "";
      const italic = op.attributes?.italic !== undefined ? "_" : "";
      return `${bold}${italic}${op.insert}${italic}${bold}`;
    })
    .join("");
}
