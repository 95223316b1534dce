import { afterAll, beforeAll } from "vitest";
import { waitHealthy } from "./demo-api.ts";
import { createFreshDatabase, type FreshDatabase } from "./fresh-database.ts";
import { ServerProcess } from "./server-process.ts";

/**
 * The real server process on a database of its own with the demo Kreis, for
 * the test file: started before its first test, killed and dropped after.
 */
export function useDemoServerProcess(): {
  readonly server: ServerProcess;
  readonly database: FreshDatabase;
} {
  let database: FreshDatabase | undefined;
  let server: ServerProcess | undefined;
  beforeAll(async () => {
    database = await createFreshDatabase();
    server = new ServerProcess({
      env: { ...database.env, NODE_ENV: "test", SEED_DEMO: "true", LOG_LEVEL: "warn" },
    });
    await server.start();
    await waitHealthy(server.address);
  }, 60_000);
  afterAll(async () => {
    await server?.kill();
    await database?.drop();
  });
  return {
    get server() {
      if (!server) throw new Error("the server starts in beforeAll");
      return server;
    },
    get database() {
      if (!database) throw new Error("the database is made in beforeAll");
      return database;
    },
  };
}
