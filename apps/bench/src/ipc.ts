// Child side of the parent <-> server-process channel (process.send / 'message').

// biome-ignore lint/suspicious/noExplicitAny: each handler declares its own argument shape
export type Handler = (args: any) => unknown;

export interface CpuSample {
  user: number;
  system: number;
}

export interface MemorySample {
  rss: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

import { monitorEventLoopDelay } from "node:perf_hooks";

/** Event-loop delay of this process (ms), to tell server stalls from client stalls. */
export const loopDelay = monitorEventLoopDelay({ resolution: 1 });
loopDelay.enable();
export const loopDelaySample = () => ({
  p99: loopDelay.percentile(99) / 1e6,
  max: loopDelay.max / 1e6,
});

const gc = (globalThis as { gc?: () => void }).gc;

async function collect(): Promise<MemorySample> {
  if (!gc) throw new Error("start the server process with --expose-gc");
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
  const m = process.memoryUsage();
  return { rss: m.rss, heapUsed: m.heapUsed, external: m.external, arrayBuffers: m.arrayBuffers };
}

/** Serves parent requests { id, cmd, args } with the given handlers plus cpu/mem/exit. */
export function serveParent(handlers: Record<string, Handler>): void {
  const all: Record<string, Handler> = {
    cpu: () => process.cpuUsage(),
    mem: () => collect(),
    loopReset: () => {
      loopDelay.reset();
      return true;
    },
    loop: () => loopDelaySample(),
    ...handlers,
  };
  process.on("message", async (message: { id: number; cmd: string; args?: unknown }) => {
    const handler = all[message.cmd];
    try {
      if (!handler) throw new Error(`unknown command ${message.cmd}`);
      const result = await handler(message.args);
      process.send?.({ id: message.id, ok: true, result });
    } catch (error) {
      process.send?.({
        id: message.id,
        ok: false,
        error: String((error as Error)?.stack ?? error),
      });
    }
  });
  process.on("disconnect", () => process.exit(0));
}

/** Unsolicited notice to the parent (e.g. "stored up to seq n"). */
export function notifyParent(event: string, data: unknown): void {
  process.send?.({ event, data });
}
