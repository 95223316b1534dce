import { describe, expect, it } from "vitest";
import { type Bundle, bundleTableDrift, renderBundleSection } from "./bundle-table.ts";

const chunk = (name: string, gzipKb: number) => ({
  name,
  file: `assets/${name}`,
  raw: gzipKb * 3 * 1024,
  gzip: gzipKb * 1024,
  loadedBy: "every page",
});

const documented: Bundle = {
  chunks: [chunk("index.js", 70), chunk("notes-editor.js", 140)],
  everyPageGzip: 70 * 1024,
  roomGzip: 210 * 1024,
};
const table = renderBundleSection(documented, new Map());

describe("the bundle table in docs/benchmarks.md", () => {
  it("still matches a build that moved by a few hundred bytes", () => {
    const built: Bundle = {
      chunks: [chunk("index.js", 70.4), chunk("notes-editor.js", 139.7)],
      everyPageGzip: 70.4 * 1024,
      roomGzip: 210.1 * 1024,
    };
    expect(bundleTableDrift(table, built)).toEqual([]);
  });

  it("is stale when a chunk grew by more than a kilobyte, or came or went", () => {
    const built: Bundle = {
      chunks: [chunk("index.js", 71.5), chunk("pdf-viewer.js", 12)],
      everyPageGzip: 71.5 * 1024,
      roomGzip: 211.5 * 1024,
    };
    expect(bundleTableDrift(table, built)).toEqual([
      "index.js: table 70.0 kB, build 71.5 kB",
      "built, not in table: pdf-viewer.js 12.0 kB",
      "in table, not built: notes-editor.js",
      "conference room total: table 210.0 kB, build 211.5 kB",
    ]);
  });
});
