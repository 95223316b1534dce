import { parseEnv } from "./env.ts";
import { describeStart, startServer } from "./start-server.ts";

const env = parseEnv();
const server = await startServer(env);
process.stdout.write(describeStart(server, env));

// Finish in-flight requests and close the database cleanly before exiting.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    server.app.log.info({ signal }, "shutting down");
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        server.app.log.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  });
}
