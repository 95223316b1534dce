import { parseEnv } from "./env.ts";
import { describeStart, type RunningServer, startServer } from "./start-server.ts";
import { StartupProblem } from "./startup-problem.ts";

/** Starts the server; what the person starting it can fix is said in one line, then exit 1. */
async function start(): Promise<RunningServer> {
  try {
    const env = parseEnv();
    const server = await startServer(env);
    process.stdout.write(describeStart(server, env));
    return server;
  } catch (error) {
    if (!(error instanceof StartupProblem)) throw error;
    process.stderr.write(`Runder Tisch startet nicht: ${error.message}\n`);
    process.exit(1);
  }
}

const server = await start();

// Finish in-flight requests and close the database cleanly before exiting. A lasting
// listener, not `once`: tsx's loader re-raises a signal nobody listens to any more, and
// the package manager would then report the stop as a failure.
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    process.stdout.write("\nRunder Tisch wird beendet …\n");
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        server.app.log.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  });
}
