import { randomBytes } from "node:crypto";
import { createDatabase } from "@runder-tisch/db";
import pg from "pg";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    postgresTemplateUrl: string;
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * Migrates one template database per run; every test file then gets its own
 * copy (CREATE DATABASE ... TEMPLATE), which takes milliseconds.
 */
export default async function setup(project: TestProject) {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error("TEST_DATABASE_URL is not set");
  const template = `rt_template_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${template}`);
  const templateUrl = withDatabase(adminUrl, template);
  const handle = await createDatabase({ kind: "postgres", url: templateUrl, poolSize: 1 });
  await handle.migrate();
  await handle.close();
  project.provide("postgresTemplateUrl", templateUrl);

  return async () => {
    const leftovers = await admin.query<{ datname: string }>(
      "select datname from pg_database where datname like $1",
      [`rt_test_${template.slice("rt_template_".length)}_%`],
    );
    for (const { datname } of leftovers.rows) {
      await admin.query(`drop database if exists ${datname} with (force)`);
    }
    await admin.query(`drop database if exists ${template} with (force)`);
    await admin.end();
  };
}
