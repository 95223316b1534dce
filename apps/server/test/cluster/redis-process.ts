import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { killOnExit } from "../crash/child-processes.ts";

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

/**
 * A Redis server of the test's own (the machine's Redis is shared with other
 * tests and must not be killed), without persistence, on a fixed port so that
 * the nodes find it again after a restart.
 */
export class RedisProcess {
  private child: ChildProcess | null = null;
  private ready: Promise<void> = Promise.resolve();
  private exited: Promise<void> = Promise.resolve();

  constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.child !== null;
  }

  /** Starts Redis unless it runs or is starting already; resolves once it accepts connections. */
  start(): Promise<void> {
    if (this.child === null) this.ready = this.spawnAndWait();
    return this.ready;
  }

  private async spawnAndWait(): Promise<void> {
    const child = spawn(
      "redis-server",
      ["--port", String(this.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    this.child = child;
    killOnExit(child);
    this.exited = new Promise((resolve) =>
      child.once("exit", () => {
        if (this.child === child) this.child = null;
        resolve();
      }),
    );
    await new Promise<void>((resolve, reject) => {
      let output = "";
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes("Ready to accept connections")) resolve();
      };
      child.stdout?.on("data", onData);
      child.stderr?.on("data", onData);
      child.once("exit", (code) => reject(new Error(`redis-server exited (${code}):\n${output}`)));
    });
  }

  async kill(): Promise<void> {
    this.child?.kill("SIGKILL");
    await this.exited;
  }
}
