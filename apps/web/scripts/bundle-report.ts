import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { readBundle, renderBundleSection, replaceBundleSection } from "./bundle-table.ts";
import { buildForProduction, distDir, manifestPath } from "./production-build.ts";

// Builds apps/web and rewrites the "Web bundle sizes" section of docs/benchmarks.md.
const reportPath = fileURLToPath(new URL("../../../docs/benchmarks.md", import.meta.url));
const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

/** A module id → what a reader recognises: its npm package, or its folder in the repository. */
function partOf(id: string): string | null {
  const inPackage = /.*\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id);
  if (inPackage?.[1]) return inPackage[1];
  if (!id.startsWith(repoRoot)) return null;
  const path = id.slice(repoRoot.length);
  const web = /^apps\/web\/(src\/[^/]+(?:\/[^/]+(?=\/))?)/.exec(path);
  if (web?.[1]) return web[1];
  return /^packages\/[^/]+/.exec(path)?.[0] ?? path;
}

/** The three largest parts of every chunk, by their size in the output. */
function largestParts(
  output: Awaited<ReturnType<typeof buildForProduction>>,
): Map<string, string[]> {
  const parts = new Map<string, string[]>();
  if (!("output" in output)) return parts;
  for (const chunk of output.output) {
    if (chunk.type !== "chunk") continue;
    const sizes = new Map<string, number>();
    for (const [id, module] of Object.entries(chunk.modules)) {
      const part = partOf(id);
      if (part) sizes.set(part, (sizes.get(part) ?? 0) + module.renderedLength);
    }
    const largest = [...sizes]
      .filter(([, size]) => size > 0)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3);
    parts.set(
      chunk.fileName,
      largest.map(([part]) => part),
    );
  }
  return parts;
}

const output = await buildForProduction();
const bundle = readBundle(distDir, manifestPath);
const section = renderBundleSection(bundle, largestParts(output));
writeFileSync(reportPath, replaceBundleSection(readFileSync(reportPath, "utf8"), section));
process.stdout.write(`${section}\n`);
