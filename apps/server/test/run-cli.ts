import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { killOnExit } from "./crash/child-processes.ts";

/** apps/server: `tsx` is its dependency, so `--import tsx` resolves only from here. */
const serverDirectory = fileURLToPath(new URL("..", import.meta.url));

// Only what node and tsx need; a developer's DATABASE_URL or IDENTITY_KEY must not leak in.
const INHERITED = ["PATH", "HOME", "TMPDIR", "LANG", "TZ"] as const;

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs one of `src/cli/*.ts` as the package script does, with exactly `env` (plus PATH and HOME). */
export function runCli(script: string, env: Record<string, string>): Promise<CliResult> {
  const inherited: Record<string, string> = {};
  for (const name of INHERITED) {
    const value = process.env[name];
    if (value !== undefined) inherited[name] = value;
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", `src/cli/${script}`], {
      cwd: serverDirectory,
      env: { ...inherited, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    killOnExit(child);
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}
