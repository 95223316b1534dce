// How long the personal-data guard takes in the browser on a 20-page conference document,
// as the notes editor re-checks it after an edit. Builds the guard as one script with Vite,
// runs it in Debian's Chromium and writes the figures into docs/pii-guard.md between the
// pii-browser markers. Run: pnpm --filter @runder-tisch/web pii:browser-timing
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build, type Rolldown } from "vite";
import { twentyPageDocument } from "../../../packages/pii-guard/scripts/sample-documents.ts";
import { launchBrowser } from "../e2e/support/browser.ts";

const START = "<!-- pii-browser:start -->";
const END = "<!-- pii-browser:end -->";
const DOC = fileURLToPath(new URL("../../../docs/pii-guard.md", import.meta.url));
const ENTRY = fileURLToPath(new URL("../../../packages/pii-guard/src/index.ts", import.meta.url));
const RUNS = 100;

async function guardScript(): Promise<string> {
  const output = (await build({
    configFile: false,
    logLevel: "warn",
    build: {
      write: false,
      minify: true,
      lib: { entry: ENTRY, formats: ["iife"], name: "PiiGuard" },
    },
  })) as Rolldown.RolldownOutput[];
  const chunk = output[0]?.output.find((file) => file.type === "chunk");
  if (chunk?.type !== "chunk") throw new Error("the guard did not build");
  return chunk.code;
}

const document = twentyPageDocument();
const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  await page.addScriptTag({ content: await guardScript() });
  const result = await page.evaluate(
    ({ text, runs }) => {
      const guard = (globalThis as unknown as { PiiGuard: { findPii(text: string): unknown[] } })
        .PiiGuard;
      for (let i = 0; i < 20; i += 1) guard.findPii(text);
      const times: number[] = [];
      for (let i = 0; i < runs; i += 1) {
        // An edit: one character more each time, as typing changes the document.
        const edited = `${text.slice(0, 30_000)}${i % 10}${text.slice(30_000)}`;
        const started = performance.now();
        guard.findPii(edited);
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      return {
        findings: guard.findPii(text).length,
        median: times[Math.floor(runs / 2)] ?? 0,
        p95: times[Math.floor(runs * 0.95)] ?? 0,
        userAgent: navigator.userAgent,
      };
    },
    { text: document, runs: RUNS },
  );
  const chromium = /Chrome\/([\d.]+)/.exec(result.userAgent)?.[1] ?? "unknown";
  const line =
    `In the browser (Chromium ${chromium}, headless, on this machine), a 20-page document ` +
    `(${document.length} characters, ${result.findings} findings) is checked after an edit in ` +
    `${result.median.toFixed(1)} ms median, ${result.p95.toFixed(1)} ms p95 (${RUNS} edits after ` +
    `warm-up; the target is 20 ms). Written by \`pnpm --filter @runder-tisch/web pii:browser-timing\`.`;
  console.log(line);
  const current = readFileSync(DOC, "utf8");
  const section = `${START}\n${line}\n${END}`;
  const next = current.includes(START)
    ? current.slice(0, current.indexOf(START)) +
      section +
      current.slice(current.indexOf(END) + END.length)
    : `${current.trimEnd()}\n\n${section}\n`;
  writeFileSync(DOC, next);
} finally {
  await browser.close();
}
