import { randomBytes } from "node:crypto";
import type { DatabaseHandle } from "@runder-tisch/db";
import type { FastifyServerOptions } from "fastify";
import { afterAll, beforeAll } from "vitest";
import { type App, buildApp } from "../src/app.ts";
import { type Env, parseEnv } from "../src/env.ts";
import { IdentityCipher } from "../src/lib/identity-crypto.ts";
import type { CollaborationOptions } from "../src/plugins/collaboration.ts";
import { createTestDatabase } from "./test-database.ts";

export interface TestContext {
  app: App;
  database: DatabaseHandle;
  db: DatabaseHandle["db"];
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Share one database between several apps, as several server nodes would. */
  database?: DatabaseHandle;
  collaboration?: CollaborationOptions;
  identityCipher?: IdentityCipher;
  /** A logger of the test's own, to read what the server logs. */
  logger?: FastifyServerOptions["logger"];
}

export type EnvOverrides = Partial<Record<keyof Env, string>>;

/** The whole app on a database of its own (unless one is given), ready for `inject`. */
export async function createTestApp(
  overrides: EnvOverrides = {},
  options: TestAppOptions = {},
): Promise<TestContext> {
  const ownsDatabase = options.database === undefined;
  const database = options.database ?? (await createTestDatabase());
  const env = parseEnv({
    NODE_ENV: "test",
    LOG_LEVEL: "silent",
    SEED_DEMO: "false",
    LOGIN_ATTEMPTS_PER_IP_PER_MINUTE: "10000",
    // Tests run due jobs themselves (app.jobs.runDue()), so nothing happens behind their back.
    JOB_POLL_MS: "0",
    ...overrides,
  });
  const app = await buildApp({
    env,
    database,
    identityCipher: options.identityCipher ?? new IdentityCipher(randomBytes(32)),
    collaboration: options.collaboration ?? {},
    ...(options.logger ? { logger: options.logger } : {}),
  });
  await app.ready();
  return {
    app,
    database,
    db: database.db,
    async close() {
      await app.close();
      if (ownsDatabase) await database.close();
    },
  };
}

/**
 * One app for the test file: built before its first test, closed after its
 * last. Each test makes the rows it needs with the builders, so tests in a file
 * share the app but never each other's data.
 */
export function useTestApp(
  overrides: EnvOverrides = {},
  options: TestAppOptions = {},
): TestContext {
  let current: TestContext | undefined;
  beforeAll(async () => {
    current = await createTestApp(overrides, options);
  });
  afterAll(async () => {
    await current?.close();
  });
  const get = (): TestContext => {
    if (!current) throw new Error("the test app is built in beforeAll");
    return current;
  };
  return {
    get app() {
      return get().app;
    },
    get database() {
      return get().database;
    },
    get db() {
      return get().db;
    },
    close: () => get().close(),
  };
}
