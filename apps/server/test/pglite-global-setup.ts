import { randomBytes } from "node:crypto";
import { rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDatabase } from "@runder-tisch/db";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplatePath: string;
  }
}

/**
 * Migrates one embedded database per run and dumps it to a file; every test
 * file then starts its own copy from the dump, skipping initdb and migrations.
 */
export default async function setup(project: TestProject) {
  const handle = await createDatabase({ kind: "pglite" });
  await handle.migrate();
  const dump = await handle.dump?.();
  await handle.close();
  if (!dump) throw new Error("the embedded database cannot be dumped");
  const path = join(tmpdir(), `rt-pglite-template-${randomBytes(4).toString("hex")}.tar`);
  await writeFile(path, new Uint8Array(await dump.arrayBuffer()));
  project.provide("pgliteTemplatePath", path);
  return () => rm(path, { force: true });
}
