import { defineConfig } from "vitest/config";

// One run covers every suite. Server tests run on embedded PGlite always, and a
// second time on a real PostgreSQL when TEST_DATABASE_URL names one.
const serverFiles = ["apps/server/src/**/*.test.ts"];
const realPostgres = process.env.TEST_DATABASE_URL;

export default defineConfig({
  test: {
    reporters: ["default", "json"],
    outputFile: { json: "test-results/vitest.json" },
    testTimeout: 20_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: "packages",
          include: ["packages/*/src/**/*.test.ts", "apps/web/src/**/*.test.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "server:pglite",
          include: serverFiles,
          env: { RT_TEST_DB: "pglite" },
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
                exclude: ["apps/server/src/collab/**"],
                env: { RT_TEST_DB: "postgres" },
                globalSetup: ["apps/server/test/postgres-global-setup.ts"],
              },
            },
          ]
        : []),
    ],
  },
});
