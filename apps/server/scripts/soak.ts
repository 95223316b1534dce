import path from "node:path";
import v8 from "node:v8";
import { writeBenchmarkSection } from "../bench/benchmark-report.ts";
import { runSoak } from "../test/soak.ts";

/*
 * The long soak of the collaboration core (see test/soak.ts): 200 documents, 20
 * clients at a time joining, writing, waiting for "saved" and leaving, with 5 % of
 * the store's writes failing. SOAK_MINUTES sets the length (default 60). Prints a
 * line a minute and writes the result into docs/benchmarks.md. With
 * SOAK_HEAP_SNAPSHOTS=<folder> it also writes heap snapshots after warm-up and at the
 * end (open both in Chromium's memory tool and compare them to see what stayed).
 */
const minutes = Number(process.env.SOAK_MINUTES ?? 60);
const snapshotFolder = process.env.SOAK_HEAP_SNAPSHOTS;
let lastPrint = Date.now();
const started = Date.now();

const figures = await runSoak({
  durationMs: minutes * 60_000,
  documents: 200,
  clientsPerRound: 20,
  failRate: 0.05,
  seed: 2026,
  onQuiet: (phase) => {
    if (snapshotFolder === undefined) return;
    console.log(
      `heap snapshot: ${v8.writeHeapSnapshot(path.join(snapshotFolder, `${phase}.heapsnapshot`))}`,
    );
  },
  onRound: (now) => {
    if (Date.now() - lastPrint < 60_000) return;
    lastPrint = Date.now();
    const mb = (process.memoryUsage().heapUsed / 1_048_576).toFixed(1);
    const elapsed = ((Date.now() - started) / 60_000).toFixed(0);
    console.log(
      `${elapsed} min: ${now.rounds} rounds, ${now.acknowledged} saved edits, heap ${mb} MB`,
    );
  },
});
console.log(JSON.stringify(figures, null, 2));

const body = [
  `Soak of the collaboration core (\`npx --yes pnpm@10 --filter @runder-tisch/server soak\`, ${minutes} min, ${new Date().toISOString().slice(0, 10)}): 200 documents, 20 clients at a time joining, writing, waiting until saved and leaving; 5 % of the store's writes fail and are retried.`,
  "",
  "| rounds | client sessions | saved edits | failed writes | lost | server heap after warm-up | at the end | drift | loaded documents at the end |",
  "|---|---|---|---|---|---|---|---|---|",
  `| ${figures.rounds} | ${figures.sessions} | ${figures.acknowledged} | ${figures.failedWrites} | ${figures.lost} | ${figures.heapAfterWarmupMb.toFixed(1)} MB | ${figures.heapAtEndMb.toFixed(1)} MB | ${figures.driftPercent.toFixed(1)} % | ${figures.documentsLoadedAtEnd} |`,
  "",
  "Server heap is the heap after a full garbage collection, taken twice in the same state: every client gone, every document unloaded, and the last clients' final reconnect timers fired (a stock client's timer holds its copy of the document for 200 ms after it closes; measured inside that window, the copies, which grow with the documents, looked like a 25 % drift). The stored documents (which grow by design) and the soak's record of every edit it wrote live in ArrayBuffers outside the heap, so neither counts as the server's memory. With `SOAK_HEAP_SNAPSHOTS=<folder>` the run also writes the two heap snapshots to compare.",
].join("\n");
writeBenchmarkSection("## Soak", body);
if (figures.lost > 0 || figures.documentsLoadedAtEnd > 0) process.exitCode = 1;
