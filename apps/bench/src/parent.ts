import { type ChildProcess, fork } from "node:child_process";
import { EventEmitter } from "node:events";
import { fileURLToPath } from "node:url";
import type { CpuSample, MemorySample } from "./ipc.ts";

const benchRoot = fileURLToPath(new URL("..", import.meta.url));

/** One server under test in its own process, so its CPU and memory are its alone. */
export class ServerProcess extends EventEmitter {
  output = "";
  port = 0;
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve: (v: unknown) => void; reject: (e: Error) => void }
  >();

  private constructor(
    readonly name: string,
    readonly child: ChildProcess,
  ) {
    super();
  }

  static async start(
    name: string,
    script: string,
    env: Record<string, string | undefined>,
    extraFlags: string[] = [],
  ) {
    const child = fork(fileURLToPath(new URL(`./servers/${script}`, import.meta.url)), [], {
      cwd: benchRoot,
      execArgv: ["--expose-gc", ...extraFlags, "--import", "tsx"],
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe", "ipc"],
      serialization: "advanced",
    });
    const server = new ServerProcess(name, child);
    const capture = (chunk: Buffer) => {
      server.output += chunk.toString();
    };
    child.stdout?.on("data", capture);
    child.stderr?.on("data", capture);
    child.on(
      "message",
      (message: {
        event?: string;
        data?: unknown;
        id?: number;
        ok?: boolean;
        result?: unknown;
        error?: string;
      }) => {
        if (message.event) {
          server.emit(message.event, message.data);
          return;
        }
        const waiter = server.pending.get(message.id ?? -1);
        if (!waiter) return;
        server.pending.delete(message.id ?? -1);
        if (message.ok) waiter.resolve(message.result);
        else waiter.reject(new Error(`${name}: ${message.error}`));
      },
    );
    const ready = await new Promise<{ port: number }>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${name} did not start:\n${server.output}`)),
        120_000,
      );
      server.once("ready", (data) => {
        clearTimeout(timer);
        resolve(data);
      });
      child.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`${name} exited (${code}) while starting:\n${server.output}`));
      });
    });
    server.port = ready.port;
    return server;
  }

  call<T = unknown>(cmd: string, args?: unknown): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.child.send({ id, cmd, args });
    });
  }

  /** User + system CPU of the server process so far, in µs. */
  async cpu(): Promise<number> {
    const sample = await this.call<CpuSample>("cpu");
    return sample.user + sample.system;
  }

  mem(): Promise<MemorySample> {
    return this.call<MemorySample>("mem");
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once("exit", () => resolve()));
    await Promise.race([
      this.call("stop").catch(() => {}),
      new Promise((r) => setTimeout(r, 15_000)),
    ]);
    const timer = setTimeout(() => this.child.kill("SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill("SIGKILL");
  }
}
