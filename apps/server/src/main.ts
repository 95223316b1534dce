import { parseEnv } from "./env.ts";
import { describeStart, type RunningServer, startServer } from "./start-server.ts";
import { StartupProblem } from "./startup-problem.ts";

let server: RunningServer | undefined;
let stopRequested = false;

/** Finishes in-flight requests and closes the database cleanly, then exits. */
function stop(): void {
  if (server === undefined) return; // still starting: stopped as soon as it listens
  server.stop().then(
    () => process.exit(0),
    (error: unknown) => {
      server?.app.log.error({ err: error }, "shutdown failed");
      process.exit(1);
    },
  );
}

// Listening from the first moment, so Ctrl-C or SIGTERM during the start (migrating,
// seeding) also ends quietly instead of killing the process half-way.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopRequested) return;
    stopRequested = true;
    process.stdout.write("\nRunder Tisch wird beendet …\n");
    stop();
  });
}

try {
  const env = parseEnv();
  server = await startServer(env);
  if (stopRequested) stop();
  else process.stdout.write(describeStart(server, env));
} catch (error) {
  if (!(error instanceof StartupProblem)) throw error;
  // What the person starting it can fix is said in one line, without a stack trace.
  process.stderr.write(`Runder Tisch startet nicht: ${error.message}\n`);
  process.exit(1);
}
