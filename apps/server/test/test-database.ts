import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createDatabase, type DatabaseHandle } from "@runder-tisch/db";
import pg from "pg";
import { inject } from "vitest";

let pgliteTemplate: Promise<Blob> | undefined;
/** The migrated cluster the global setup dumped, read once per test process. */
export const readPgliteTemplate = () => {
  pgliteTemplate ??= readFile(inject("pgliteTemplatePath")).then((bytes) => new Blob([bytes]));
  return pgliteTemplate;
};

/**
 * A database of its own for one test file: an in-memory PGlite started from the
 * migrated dump, or on the real PostgreSQL a copy of the migrated template
 * database; both made once per run by the global setups.
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  if (process.env.RT_TEST_DB !== "postgres") {
    return createDatabase({ kind: "pglite", template: await readPgliteTemplate() });
  }
  const templateUrl = new URL(inject("postgresTemplateUrl"));
  const template = templateUrl.pathname.slice(1);
  const name = `rt_test_${template.slice("rt_template_".length)}_${randomBytes(4).toString("hex")}`;
  const adminUrl = new URL(templateUrl);
  adminUrl.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${template}`);
  } finally {
    await admin.end();
  }
  const url = new URL(templateUrl);
  url.pathname = `/${name}`;
  const handle = await createDatabase({ kind: "postgres", url: url.toString(), poolSize: 5 });
  return {
    ...handle,
    async close() {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: adminUrl.toString() });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`).catch(() => {});
      await cleanup.end();
    },
  };
}
