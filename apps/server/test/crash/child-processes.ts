import type { ChildProcess } from "node:child_process";

const running = new Set<ChildProcess>();

// A safety net if the test process dies without reaching its cleanup: one listener
// for all children, however many a run starts.
process.once("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

/** Kills `child` when this process exits, unless it has exited by then. */
export function killOnExit(child: ChildProcess): void {
  running.add(child);
  child.once("exit", () => running.delete(child));
}
