import type { MinutesBlock } from "./minutes-document.ts";

/**
 * The notes' Markdown as blocks: headings, lists, paragraphs. Inline marks are
 * dropped, the standard fonts have no mixed runs worth the complexity here.
 */
export function splitMarkdown(text: string): MinutesBlock[] {
  const blocks: MinutesBlock[] = [];
  const plain = (line: string) => line.replace(/\*\*|__|(?<!\w)_|_(?!\w)/g, "");
  for (const chunk of text.split(/\n{2,}/)) {
    const lines = chunk.split("\n");
    if (lines.every((line) => /^\s*(?:[-*]|\d+\.)\s/.test(line))) {
      blocks.push({
        type: "list",
        ordered: /^\s*\d+\./.test(lines[0] ?? ""),
        items: lines.map((line) => plain(line.replace(/^\s*(?:[-*]|\d+\.)\s+/, ""))),
      });
    } else if (/^#{1,6}\s/.test(chunk)) {
      blocks.push({ type: "heading", level: 3, text: plain(chunk.replace(/^#{1,6}\s+/, "")) });
    } else {
      blocks.push({ type: "paragraph", text: plain(lines.join("\n")) });
    }
  }
  return blocks;
}
