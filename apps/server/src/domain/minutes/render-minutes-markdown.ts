import type { TMinutes } from "@runder-tisch/contracts";
import { describeMinutes, type MinutesBlock } from "./minutes-document.ts";

// Table cells must stay on one line and must not close the cell early.
const cell = (text: string) => text.replaceAll("|", "\\|").replaceAll("\n", "<br>");

function blockToMarkdown(block: MinutesBlock): string {
  switch (block.type) {
    case "heading":
      return `## ${block.text}`;
    case "markdown":
      return block.text;
    case "paragraph":
      return block.emphasis ? `_${block.text}_` : block.text;
    case "list":
      return block.items
        .map(
          (item, index) => `${block.ordered ? `${index + 1}.` : "-"} ${item.replaceAll("\n", " ")}`,
        )
        .join("\n");
    case "table":
      return [
        `| ${block.columns.join(" | ")} |`,
        `| ${block.columns.map(() => "---").join(" | ")} |`,
        ...block.rows.map((row) => `| ${row.map(cell).join(" | ")} |`),
      ].join("\n");
  }
}

export function renderMinutesMarkdown(
  minutes: TMinutes,
  themeNames?: ReadonlyMap<string, string>,
): string {
  const document = describeMinutes(minutes, themeNames);
  return [
    `# ${document.title}`,
    document.facts.map(([label, value]) => `- **${label}:** ${value}`).join("\n"),
    ...document.notices.map((notice) => `> **${notice}**`),
    ...document.blocks.map(blockToMarkdown),
    "---",
    ...document.footer,
  ]
    .join("\n\n")
    .concat("\n");
}
