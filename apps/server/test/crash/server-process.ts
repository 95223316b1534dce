import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { killOnExit } from "./child-processes.ts";

/** apps/server: `tsx` is its dependency, so `--import tsx` resolves only from here. */
const serverDirectory = fileURLToPath(new URL("../..", import.meta.url));

// The line main.ts prints once the server listens (describeStart in start-server.ts).
const ADDRESS_LINE = /läuft auf (http:\/\/[^\s]+)/;

// Only what node and tsx need from the parent; anything else (a developer's
// DATABASE_URL, REDIS_URL, IDENTITY_KEY, PORT) must not leak into the child.
const INHERITED = ["PATH", "HOME", "TMPDIR", "LANG", "TZ"] as const;

export interface ServerProcessOptions {
  /** The app's environment (DATA_DIR, DATABASE_URL, SEED_DEMO, ...); PORT is managed here. */
  env: Record<string, string>;
  startTimeoutMs?: number;
}

/**
 * The real server (`node --import tsx src/main.ts`) as one child process that
 * can be SIGKILLed and started again on the same database. One process, not
 * `npx tsx`, which would leave orphans behind when killed.
 */
export class ServerProcess {
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();
  private port = 0;
  /** The last lines the child printed, for failure messages. */
  private readonly output: string[] = [];
  address = "";

  constructor(private readonly options: ServerProcessOptions) {}

  get running(): boolean {
    return this.child !== null;
  }

  get wsBase(): string {
    return `${this.address.replace(/^http/, "ws")}/api/collab`;
  }

  /**
   * Starts the server and resolves with its http:// address once it listens;
   * `extraEnv` applies to this start only (e.g. a crash point).
   */
  async start(extraEnv: Record<string, string> = {}): Promise<string> {
    if (this.child !== null) throw new Error("server already running");
    try {
      return await this.spawnAndWait(this.port, extraEnv);
    } catch (error) {
      // Restarting on the same port mirrors a real restart, but the port may
      // have been taken by someone else in the meantime: then any port will do.
      if (this.port !== 0 && this.output.some((line) => line.includes("EADDRINUSE"))) {
        await this.exited;
        return this.spawnAndWait(0, extraEnv);
      }
      throw error;
    }
  }

  /**
   * Asks the server to stop (SIGTERM, as systemd and Kubernetes do, or SIGINT, as Ctrl-C
   * does) and resolves with how it ended once it is gone.
   */
  async stop(signal: "SIGTERM" | "SIGINT" = "SIGTERM"): Promise<{ code: number | null }> {
    const child = this.child;
    if (child === null) throw new Error("server not running");
    const ended = new Promise<{ code: number | null }>((resolve) =>
      child.once("exit", (code) => resolve({ code })),
    );
    child.kill(signal);
    const result = await ended;
    await this.exited;
    return result;
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed. Resolves once the process is gone. */
  async kill(): Promise<void> {
    this.child?.kill("SIGKILL");
    await this.exited;
  }

  /** The tail of the child's output, for assertion messages. */
  recentOutput(): string {
    return this.output.slice(-40).join("\n");
  }

  private spawnAndWait(port: number, extraEnv: Record<string, string>): Promise<string> {
    const env: Record<string, string> = {};
    for (const name of INHERITED) {
      const value = process.env[name];
      if (value !== undefined) env[name] = value;
    }
    Object.assign(env, this.options.env, extraEnv, { HOST: "127.0.0.1", PORT: String(port) });
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: serverDirectory,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.child = child;
    killOnExit(child);
    this.exited = new Promise((resolve) => {
      child.once("exit", () => {
        if (this.child === child) this.child = null;
        resolve();
      });
    });
    const timeoutMs = this.options.startTimeoutMs ?? 45_000;
    return new Promise<string>((resolve, reject) => {
      let settled = false;
      const settle = (error: Error | null, address?: string) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (error !== null) {
          child.kill("SIGKILL");
          reject(error);
        } else resolve(address ?? "");
      };
      const timer = setTimeout(
        () => settle(new Error(`server did not start in ${timeoutMs} ms:\n${this.recentOutput()}`)),
        timeoutMs,
      );
      const onLine = (line: string) => {
        this.output.push(line);
        if (this.output.length > 200) this.output.shift();
        const match = ADDRESS_LINE.exec(line);
        if (match?.[1] !== undefined) {
          this.address = match[1];
          this.port = Number(new URL(match[1]).port);
          settle(null, match[1]);
        }
      };
      for (const stream of [child.stdout, child.stderr]) {
        let buffered = "";
        stream?.setEncoding("utf8");
        stream?.on("data", (chunk: string) => {
          buffered += chunk;
          const lines = buffered.split("\n");
          buffered = lines.pop() ?? "";
          for (const line of lines) onLine(line);
        });
      }
      child.once("exit", (code, signal) =>
        settle(
          new Error(`server exited (${code ?? signal}) before listening:\n${this.recentOutput()}`),
        ),
      );
    });
  }
}
