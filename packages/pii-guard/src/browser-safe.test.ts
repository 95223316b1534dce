import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// The web editor bundles this package: library files must not import Node built-ins or packages,
// except the shared vocabulary, which itself imports nothing.
const sourceDir = new URL(".", import.meta.url).pathname;

function libraryFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return libraryFiles(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

describe("browser safety", () => {
  it("library files import only relative modules and the shared vocabulary", () => {
    const offenders = libraryFiles(sourceDir).filter((file) =>
      /from\s+["'](?!\.{1,2}\/|@runder-tisch\/contracts\/vocabulary["'])/.test(
        readFileSync(file, "utf8").replace(/^import type .*$/gm, ""),
      ),
    );
    expect(offenders).toEqual([]);
  });

  it("the shared vocabulary imports nothing", () => {
    const vocabulary = new URL(import.meta.resolve("@runder-tisch/contracts/vocabulary")).pathname;
    expect(readFileSync(vocabulary, "utf8")).not.toMatch(/^\s*import\s/m);
  });
});
