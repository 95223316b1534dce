/** A block of the action plan's Markdown, as the PDF draws it. */
export type ActionPlanBlock =
  | { type: "heading"; level: 1 | 2 | 3; text: string }
  | { type: "paragraph"; text: string }
  | { type: "list"; ordered: boolean; items: string[] };

const HEADING = /^(#{1,6})\s+(.*)$/;
const LIST_ITEM = /^\s*(?:([-*+])|(\d+)[.)])\s+(.*)$/;

/** Inline marks (bold, italics, code) are dropped: the PDF draws plain text. */
const plain = (text: string) =>
  text
    .replace(/\*\*|__|`/g, "")
    .replace(/(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)/g, "")
    .trim();

/**
 * Headings, lists and paragraphs of the Markdown the members write, line by line, so a
 * heading directly followed by text (no blank line between) is read as people mean it.
 * Deeper headings than the third are drawn as the third.
 */
export function splitActionPlanMarkdown(markdown: string): ActionPlanBlock[] {
  const blocks: ActionPlanBlock[] = [];
  let paragraph: string[] = [];
  let list: Extract<ActionPlanBlock, { type: "list" }> | null = null;
  const close = () => {
    if (paragraph.length > 0) blocks.push({ type: "paragraph", text: plain(paragraph.join(" ")) });
    if (list) blocks.push(list);
    paragraph = [];
    list = null;
  };
  for (const line of markdown.split(/\r?\n/)) {
    const heading = HEADING.exec(line);
    const item = LIST_ITEM.exec(line);
    if (!line.trim()) {
      close();
    } else if (heading) {
      close();
      const level = Math.min(heading[1]?.length ?? 1, 3) as 1 | 2 | 3;
      blocks.push({ type: "heading", level, text: plain(heading[2] ?? "") });
    } else if (item) {
      if (paragraph.length > 0 || (list && list.ordered !== Boolean(item[2]))) close();
      list ??= { type: "list", ordered: Boolean(item[2]), items: [] };
      list.items.push(plain(item[3] ?? ""));
    } else if (list && /^\s+\S/.test(line)) {
      // An indented line continues the list item above it.
      const last = list.items.length - 1;
      list.items[last] = `${list.items[last]} ${plain(line)}`;
    } else {
      if (list) close();
      paragraph.push(line.trim());
    }
  }
  close();
  return blocks;
}
