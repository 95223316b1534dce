import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

// One run covers every suite. Server tests run on embedded PGlite always, and a
// second time on a real PostgreSQL when TEST_DATABASE_URL names one.
const serverFiles = ["apps/server/src/**/*.test.ts"];
const realPostgres = process.env.TEST_DATABASE_URL;

// Server test files share the modules of a worker instead of loading the app
// afresh for each file (most of a file's time went into that): every file builds
// its own app and database, and nothing of ours keeps state in a module.
const serverIsolation = { isolate: false } as const;

export default defineConfig({
  test: {
    reporters: ["default", "json"],
    outputFile: { json: "test-results/vitest.json" },
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // Vitest would use one worker on a two-core machine; most test time is spent waiting for
    // sockets, timers, child processes and the browser, so two keep both cores busy.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        extends: true,
        test: {
          name: "packages",
          include: [
            "packages/*/src/**/*.test.ts",
            "apps/web/src/**/*.test.ts",
            "apps/web/scripts/**/*.test.ts",
            "infra/test/**/*.test.ts",
          ],
        },
      },
      {
        extends: true,
        test: {
          name: "server:pglite",
          include: serverFiles,
          // Several server processes on one database: only PostgreSQL can be shared so.
          exclude: ["apps/server/src/**/*.postgres.test.ts"],
          env: { RT_TEST_DB: "pglite" },
          // Migrates once and dumps the database; each file starts a copy of the dump.
          globalSetup: ["apps/server/test/pglite-global-setup.ts"],
          ...serverIsolation,
        },
      },
      {
        extends: true,
        test: {
          name: "web:browser",
          include: ["apps/web/e2e/**/*.test.ts"],
          // Builds apps/web once; each test file then starts its own server and browser.
          globalSetup: ["apps/web/e2e/support/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      ...(realPostgres
        ? [
            {
              extends: true,
              test: {
                name: "server:postgres",
                include: serverFiles,
                // The collaboration core is storage-agnostic; its own tests pick the store.
                // The embedded data directory has no PostgreSQL counterpart.
                exclude: ["apps/server/src/collab/**", "apps/server/src/**/*.embedded.test.ts"],
                env: { RT_TEST_DB: "postgres" },
                globalSetup: ["apps/server/test/postgres-global-setup.ts"],
                ...serverIsolation,
              },
            },
          ]
        : []),
    ],
  },
});
