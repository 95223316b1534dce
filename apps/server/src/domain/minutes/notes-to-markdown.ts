import { cleanText } from "@runder-tisch/contracts/input-rules";
import * as Y from "yjs";

/**
 * The TipTap notes (a ProseMirror tree in a Y.XmlFragment) as plain Markdown:
 * headings, paragraphs, bullet and numbered lists, bold and italic. Anything
 * else is reduced to its text, so no content is lost in the minutes. Control
 * characters that came in by paste are left out: the minutes are stored as jsonb,
 * which refuses NUL, and a reader cannot see them anyway.
 */
export function notesToMarkdown(fragment: Y.XmlFragment): string {
  const blocks = fragment.toArray().map((node) => blockToMarkdown(node, ""));
  return cleanText(
    blocks
      .filter((block) => block.length > 0)
      .join("\n\n")
      .trim(),
  );
}

function blockToMarkdown(node: Y.XmlElement | Y.XmlText | Y.XmlHook, indent: string): string {
  if (node instanceof Y.XmlText) return inlineText(node);
  if (!(node instanceof Y.XmlElement)) return "";
  switch (node.nodeName) {
    case "heading": {
      const level = Math.min(Math.max(Number(node.getAttribute("level")) || 2, 1), 6);
      return `${"#".repeat(level)} ${childrenInline(node)}`;
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
                  .map((child) => blockToMarkdown(child, `${indent}  `))
                  .join(`\n${indent}  `)
              : "";
          return `${indent}${marker} ${body}`;
        })
        .join("\n");
    case "blockquote":
      return node
        .toArray()
        .map((child) => `> ${blockToMarkdown(child, indent)}`)
        .join("\n");
    default:
      return node.toArray().some((child) => child instanceof Y.XmlElement)
        ? node
            .toArray()
            .map((child) => blockToMarkdown(child, indent))
            .join("\n\n")
        : childrenInline(node);
  }
}

function childrenInline(element: Y.XmlElement): string {
  return element
    .toArray()
    .map((child) => (child instanceof Y.XmlText ? inlineText(child) : ""))
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
