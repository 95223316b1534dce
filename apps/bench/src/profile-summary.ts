// Summarises a .cpuprofile: self time per function and per package/file area.
//   node --import tsx src/profile-summary.ts profiles/CPU....cpuprofile [top]
import { readFileSync } from "node:fs";

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
const [file, topArg] = process.argv.slice(2);
if (!file) throw new Error("usage: profile-summary <file.cpuprofile> [top]");
const profile = JSON.parse(readFileSync(file, "utf8")) as {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
};
const top = Number(topArg ?? 30);
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const self = new Map<number, number>();
for (const [i, id] of profile.samples.entries()) {
  self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
}
const total = [...self.values()].reduce((a, b) => a + b, 0);

const area = (url: string) => {
  if (!url) return "(native/gc/idle)";
  const pnpm = /node_modules\/\.pnpm\/[^/]+\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pnpm) return pnpm[1] as string;
  const ws = /\/work\/main\/(apps|packages)\/([^/]+)\/src\/([^/]+)/.exec(url);
  if (ws) return `${ws[1]}/${ws[2]}/${ws[3]}`;
  if (url.startsWith("node:")) return url;
  return url.replace(/^file:\/\//, "");
};

const fnSelf = new Map<string, number>();
const areaSelf = new Map<string, number>();
for (const [id, t] of self) {
  const n = byId.get(id) as Node;
  const key = `${n.callFrame.functionName || "(anonymous)"} ${area(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
  fnSelf.set(key, (fnSelf.get(key) ?? 0) + t);
  const a = n.callFrame.url ? area(n.callFrame.url) : n.callFrame.functionName;
  areaSelf.set(a, (areaSelf.get(a) ?? 0) + t);
}
// Inclusive time of the first workspace frame (apps/server/...) on each sample's stack: who caused the work.
const cause = new Map<string, number>();
for (const [id, t] of self) {
  let cur: number | undefined = id;
  let label = "(no app frame)";
  while (cur !== undefined) {
    const n = byId.get(cur) as Node;
    if (/\/work\/main\/(apps\/server|packages)\//.test(n.callFrame.url)) {
      label = `${n.callFrame.functionName || "(anonymous)"} ${area(n.callFrame.url)}`;
    }
    cur = parent.get(cur);
  }
  // label is the outermost app frame
  cause.set(label, (cause.get(label) ?? 0) + t);
}
const print = (title: string, map: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [k, v] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(
      `${((v / total) * 100).toFixed(1).padStart(5)} %  ${(v / 1000).toFixed(0).padStart(6)} ms  ${k}`,
    );
  }
};
console.log(`total ${(total / 1e6).toFixed(1)} s sampled`);
print("self time by area", areaSelf);
print("self time by function", fnSelf);
print("by outermost app frame on the stack", cause);
