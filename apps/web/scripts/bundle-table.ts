import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

export const BUNDLE_START = "<!-- web-bundle:start -->";
export const BUNDLE_END = "<!-- web-bundle:end -->";
export const BUNDLE_REPORT_COMMAND = "pnpm --filter @runder-tisch/web bundle:report";
/**
 * The most gzipped JavaScript the conference room may load before its editor is usable.
 * 350 kB until the room took on editing the agenda and the personal-data check of every
 * shared text (December 2026); the editor itself (TipTap, ProseMirror) is 144 kB of it.
 */
export const ROOM_BUDGET_BYTES = 360 * 1024;

/** The lazily loaded modules the conference room needs besides the app shell. */
const ROOM_MODULES = [
  "src/pages/conference-room/conference-room-page.tsx",
  "src/pages/conference-room/notes-editor.tsx",
];

export interface BundleChunk {
  /** The file name without its content hash, e.g. `notes-editor.js`. */
  name: string;
  file: string;
  raw: number;
  gzip: number;
  loadedBy: string;
}

export interface Bundle {
  chunks: BundleChunk[];
  everyPageGzip: number;
  roomGzip: number;
}

interface ManifestEntry {
  file: string;
  name?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestEntry>;

export const chunkName = (file: string) =>
  file.replace(/^.*\//, "").replace(/-[A-Za-z0-9_-]{8}(?=\.[a-z]+$)/, "");

/** Every file a manifest entry needs: its own chunk, the chunks it imports, their CSS. */
function filesOf(manifest: Manifest, key: string, seen = new Set<string>()): Set<string> {
  const files = new Set<string>();
  const visit = (current: string) => {
    if (seen.has(current)) return;
    seen.add(current);
    const entry = manifest[current];
    if (!entry) throw new Error(`the Vite manifest has no entry ${current}`);
    files.add(entry.file);
    for (const css of entry.css ?? []) files.add(css);
    for (const imported of entry.imports ?? []) visit(imported);
  };
  visit(key);
  return files;
}

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

/** How far a documented gzip size may be from the build before the table counts as stale. */
export const DRIFT_TOLERANCE_BYTES = 1024;
const isScript = (file: string) => file.endsWith(".js");

/** Sizes and users of every chunk of a production build, from its Vite manifest. */
export function readBundle(distDir: string, manifestPath: string): Bundle {
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as Manifest;
  const entryKey = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  if (!entryKey) throw new Error("the Vite manifest names no entry");
  const everyPage = filesOf(manifest, entryKey);
  const lazy = Object.entries(manifest)
    .filter(([, entry]) => entry.isDynamicEntry)
    .map(([key, entry]) => ({ key, name: entry.name ?? key, files: filesOf(manifest, key) }));
  const room = new Set(everyPage);
  for (const key of ROOM_MODULES) for (const file of filesOf(manifest, key)) room.add(file);

  const files = new Set<string>();
  for (const entry of Object.values(manifest)) {
    files.add(entry.file);
    for (const css of entry.css ?? []) files.add(css);
  }
  const chunks = [...files].map((file) => {
    const content = readFileSync(join(distDir, file));
    const users = lazy.filter((entry) => entry.files.has(file)).map((entry) => entry.name);
    return {
      name: chunkName(file),
      file,
      raw: content.length,
      gzip: gzipSync(content).length,
      loadedBy: everyPage.has(file) ? "every page" : `on demand: ${users.sort().join(", ")}`,
    };
  });
  chunks.sort((a, b) => b.gzip - a.gzip || a.name.localeCompare(b.name));
  // The table and its drift check know chunks by name alone; two of one name would hide one.
  const names = chunks.map((chunk) => chunk.name);
  const twice = names.filter((name, index) => names.indexOf(name) !== index);
  if (twice.length > 0) {
    throw new Error(
      `two chunks are named ${twice.join(", ")}: see chunkFileName in vite.config.ts`,
    );
  }
  const gzipOf = (set: Set<string>) =>
    chunks
      .filter((chunk) => set.has(chunk.file) && isScript(chunk.file))
      .reduce((sum, chunk) => sum + chunk.gzip, 0);
  return { chunks, everyPageGzip: gzipOf(everyPage), roomGzip: gzipOf(room) };
}

/** The section of docs/benchmarks.md between the markers, headed and explained. */
export function renderBundleSection(bundle: Bundle, parts: Map<string, string[]>): string {
  const rows = bundle.chunks.map(
    (chunk) =>
      `| \`${chunk.name}\` | ${kB(chunk.raw)} | ${kB(chunk.gzip)} | ${chunk.loadedBy} | ${(
        parts.get(chunk.file) ?? []
      ).join(", ")} |`,
  );
  return [
    BUNDLE_START,
    "## Web bundle sizes",
    "",
    `Written by \`${BUNDLE_REPORT_COMMAND}\` from a production build of`,
    "`apps/web`; do not edit it by hand. kB are 1024 bytes; gzip is Node's zlib at its",
    "default level, as the browser test measures it. `apps/web/e2e/accessibility.test.ts`",
    `fails when the conference room loads more than ${ROOM_BUDGET_BYTES / 1024} kB of gzipped`,
    "JavaScript, and when this table no longer matches the build (a chunk added or gone, or a",
    'size more than 1 kB off). "On demand" names the',
    "lazily loaded modules that need a chunk; the conference room loads",
    "`conference-room-page` and `notes-editor`.",
    "",
    "| chunk | raw | gzip | loaded by | largest parts |",
    "|---|---|---|---|---|",
    ...rows,
    "",
    `- Every page: **${kB(bundle.everyPageGzip)}** gzip of JavaScript.`,
    `- Conference room, until the editor is usable: **${kB(bundle.roomGzip)}** gzip of JavaScript (budget ${ROOM_BUDGET_BYTES / 1024} kB).`,
    BUNDLE_END,
  ].join("\n");
}

/** Replaces the section between the markers; the rest of the document stays as it is. */
export function replaceBundleSection(markdown: string, section: string): string {
  const start = markdown.indexOf(BUNDLE_START);
  const end = markdown.indexOf(BUNDLE_END);
  if (start === -1 || end < start) throw new Error(`no ${BUNDLE_START} … ${BUNDLE_END} markers`);
  return markdown.slice(0, start) + section + markdown.slice(end + BUNDLE_END.length);
}

/**
 * What differs between the table in the document and the build, by chunk name and
 * gzip size to 0.1 kB (hashes and raw sizes left aside); empty when they agree.
 */
/**
 * Where the table in docs/benchmarks.md no longer says what the build loads:
 * a chunk added or gone, or a size off by more than DRIFT_TOLERANCE_BYTES (a
 * change of a few hundred bytes does not make the table wrong to the kilobyte).
 */
export function bundleTableDrift(markdown: string, bundle: Bundle): string[] {
  const start = markdown.indexOf(BUNDLE_START);
  const end = markdown.indexOf(BUNDLE_END);
  if (start === -1 || end < start) return [`no ${BUNDLE_START} … ${BUNDLE_END} section`];
  const section = markdown.slice(start, end);
  const documented = new Map(
    [...section.matchAll(/^\| `([^`]+)` \| [\d.]+ kB \| ([\d.]+) kB \|/gm)].map(
      (match) => [match[1] ?? "", Number(match[2]) * 1024] as const,
    ),
  );
  const drift: string[] = [];
  const off = (documentedBytes: number, builtBytes: number) =>
    Math.abs(documentedBytes - builtBytes) > DRIFT_TOLERANCE_BYTES;
  for (const chunk of bundle.chunks) {
    const size = documented.get(chunk.name);
    if (size === undefined) drift.push(`built, not in table: ${chunk.name} ${kB(chunk.gzip)}`);
    else if (off(size, chunk.gzip)) {
      drift.push(`${chunk.name}: table ${kB(size)}, build ${kB(chunk.gzip)}`);
    }
  }
  const built = new Set(bundle.chunks.map((chunk) => chunk.name));
  for (const name of documented.keys()) {
    if (!built.has(name)) drift.push(`in table, not built: ${name}`);
  }
  const room = /Conference room[^*]*\*\*([\d.]+) kB\*\*/.exec(section)?.[1];
  if (room === undefined || off(Number(room) * 1024, bundle.roomGzip)) {
    drift.push(
      `conference room total: table ${room ?? "missing"} kB, build ${kB(bundle.roomGzip)}`,
    );
  }
  return drift;
}
