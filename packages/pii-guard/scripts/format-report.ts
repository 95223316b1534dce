import type { KindScore, Mismatch } from "../src/evaluate.ts";

const percent = (value: number) => `${(value * 100).toFixed(1)} %`;

export function scoreTable(scores: KindScore[]): string {
  const rows = scores.map((score) =>
    [
      score.kind === "overall" ? "**overall**" : `\`${score.kind}\``,
      score.expected,
      score.found,
      score.truePositives,
      percent(score.precision),
      percent(score.recall),
    ].join(" | "),
  );
  return [
    "| kind | expected | found | correct | precision | recall |",
    "|---|---:|---:|---:|---:|---:|",
    ...rows.map((row) => `| ${row} |`),
  ].join("\n");
}

export function mismatchList(mismatches: Mismatch[]): string {
  if (mismatches.length === 0) return "_none_";
  return mismatches
    .map((mismatch) => {
      const parts = [
        ...mismatch.missed.map((span) => `missed ${span.kind} “${span.text}”`),
        ...mismatch.spurious.map((span) => `false alarm ${span.kind} “${span.text}”`),
      ];
      return `- ${parts.join("; ")} — in: “${mismatch.sentence}”`;
    })
    .join("\n");
}

/** Replaces what stands between the two markers, or appends the marked section. */
export function replaceSection(document: string, section: string): string {
  const start = "<!-- pii-guard:start -->";
  const end = "<!-- pii-guard:end -->";
  const from = document.indexOf(start);
  const to = document.indexOf(end);
  const block = `${start}\n${section.trim()}\n${end}`;
  if (from < 0 || to < from) return `${document.trimEnd()}\n\n${block}\n`;
  return document.slice(0, from) + block + document.slice(to + end.length);
}
