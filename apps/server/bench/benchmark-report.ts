import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const reportPath = fileURLToPath(new URL("../../../docs/benchmarks.md", import.meta.url));

/**
 * Replaces one `## heading` section of docs/benchmarks.md, or appends it: each
 * benchmark script rewrites only its own figures. A section ends at the next
 * heading or at the next marker of a section another script writes.
 */
export function writeBenchmarkSection(heading: string, body: string): void {
  const existing = existsSync(reportPath) ? readFileSync(reportPath, "utf8") : "# Benchmarks\n";
  const section = `${heading}\n\n${body.trim()}\n`;
  const start = existing.indexOf(`${heading}\n`);
  const rest = start === -1 ? "" : existing.slice(start + heading.length);
  const end = rest.search(/\n(## |<!-- )/);
  const next = start === -1 || end === -1 ? -1 : start + heading.length + end;
  const updated =
    start === -1
      ? `${existing.trimEnd()}\n\n${section}`
      : `${existing.slice(0, start)}${section}${next === -1 ? "" : existing.slice(next)}`;
  writeFileSync(reportPath, `${updated.trimEnd()}\n`);
  console.log(`written to ${reportPath}`);
}
