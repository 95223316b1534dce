import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const reportPath = fileURLToPath(new URL("../../../docs/benchmarks.md", import.meta.url));

/**
 * Puts a generated section into docs/benchmarks.md between `<!-- name:start -->` and
 * `<!-- name:end -->` (which `section` must carry), replacing what was there, or appends it.
 */
export function writeBenchmarkSection(name: string, section: string): void {
  const START = `<!-- ${name}:start -->`;
  const END = `<!-- ${name}:end -->`;
  const current = existsSync(reportPath) ? readFileSync(reportPath, "utf8") : "# Benchmarks\n";
  const start = current.indexOf(START);
  const end = current.indexOf(END);
  const next =
    start >= 0 && end > start
      ? current.slice(0, start) + section + current.slice(end + END.length)
      : `${current.trimEnd()}\n\n${section}\n`;
  writeFileSync(reportPath, next);
}
