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
          include: ["packages/*/src/**/*.test.ts"],
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
