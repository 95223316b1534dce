import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { killOnExit } from "../test/crash/child-processes.ts";
import { createFreshDatabase } from "../test/crash/fresh-database.ts";
import { ServerProcess } from "../test/crash/server-process.ts";

const serverDirectory = fileURLToPath(new URL("..", import.meta.url));

/** Runs `src/main.ts` as it is started from the shell, until it ends by itself. */
function startUntilExit(
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: serverDirectory,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", HOST: "127.0.0.1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  killOnExit(child);
  let output = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  return new Promise((resolve) => child.once("exit", (code) => resolve({ code, output })));
}

/** One line that says what is wrong and what to do: no stack trace, nothing seeded. */
function expectOneClearLine(result: { code: number | null; output: string }, says: RegExp) {
  expect(result.code, result.output).toBe(1);
  const lines = result.output.split("\n").filter((line) => line.trim() !== "");
  expect(lines, result.output).toHaveLength(1);
  expect(lines[0]).toMatch(/^Runder Tisch startet nicht: /);
  expect(lines[0]).toMatch(says);
  expect(result.output).not.toMatch(/^\s+at /m);
}

describe("starting and stopping the server", () => {
  let dataDir = "";
  let busy: Server;
  let busyPort = 0;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "rt-start-"));
    busy = createServer();
    await new Promise<void>((resolve) => busy.listen({ host: "127.0.0.1", port: 0 }, resolve));
    const address = busy.address();
    busyPort = typeof address === "object" && address ? address.port : 0;
  });
  afterAll(async () => {
    await new Promise((resolve) => busy.close(resolve));
    await rm(dataDir, { recursive: true, force: true });
  });

  it("a busy port is named before the database is touched", async () => {
    const result = await startUntilExit({ DATA_DIR: dataDir, PORT: String(busyPort) });
    expectOneClearLine(result, new RegExp(`Port ${busyPort} .* belegt .*PORT=`));
  });

  it("production without an identity key says how to make one", async () => {
    const result = await startUntilExit({ DATA_DIR: dataDir, NODE_ENV: "production", PORT: "0" });
    expectOneClearLine(result, /IDENTITY_KEY fehlt.*openssl rand -base64 32/);
  });

  it("an unreachable database and a broken setting each say what to check", async () => {
    const unreachable = await startUntilExit({
      DATA_DIR: dataDir,
      PORT: "0",
      DATABASE_URL: "postgres://postgres@127.0.0.1:1/runder_tisch",
    });
    expectOneClearLine(unreachable, /DATABASE_URL ist nicht erreichbar \(ECONNREFUSED\)/);
    const broken = await startUntilExit({ DATA_DIR: dataDir, PORT: "dreitausend" });
    expectOneClearLine(broken, /Ungültige Einstellungen: PORT/);
  });

  // One boot per signal: two boots of the embedded database in one test add up on a busy machine.
  it.each(["SIGTERM", "SIGINT"] as const)(
    "%s stops it quietly, with exit code 0",
    async (signal) => {
      const database = await createFreshDatabase();
      const server = new ServerProcess({ env: { ...database.env, SEED_DEMO: "false" } });
      try {
        await server.start();
        const { code } = await server.stop(signal);
        expect(code, server.recentOutput()).toBe(0);
        expect(server.recentOutput()).toContain("Runder Tisch wird beendet");
        expect(server.recentOutput()).not.toMatch(/error|^\s+at /im);
      } finally {
        if (server.running) await server.kill();
        await database.drop();
      }
    },
  );
});
