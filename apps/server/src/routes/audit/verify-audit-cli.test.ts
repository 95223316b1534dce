import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createDatabase, type DatabaseHandle, schema } from "@runder-tisch/db";
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterEach, describe, expect, inject, it } from "vitest";
import { recordAudit } from "../../audit/audit-trail.ts";
import { sealAuditTrail } from "../../audit/seal-audit-trail.ts";

const serverRoot = fileURLToPath(new URL("../../../", import.meta.url));
const cliPath = fileURLToPath(new URL("../../cli/verify-audit.ts", import.meta.url));

/** Where the CLI finds its database: the env it needs, and how to open the same one here. */
interface Target {
  env: Record<string, string>;
  open(): Promise<DatabaseHandle>;
  remove(): Promise<void>;
}

async function withAdmin<T>(url: URL, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    return await run(admin);
  } finally {
    await admin.end();
  }
}

// A database file on disk as the server keeps it; on the PostgreSQL run a fresh copy
// of the migrated template, named so the global teardown removes leftovers.
async function createTarget(): Promise<Target> {
  if (process.env.RT_TEST_DB !== "postgres") {
    const dataDir = await mkdtemp(join(tmpdir(), "rt-audit-cli-"));
    const open = () => createDatabase({ kind: "pglite", dataDir: join(dataDir, "pglite") });
    const first = await open();
    await first.migrate();
    await first.close();
    return {
      env: { DATA_DIR: dataDir },
      open,
      remove: () => rm(dataDir, { recursive: true, force: true }),
    };
  }
  const templateUrl = new URL(inject("postgresTemplateUrl"));
  const template = templateUrl.pathname.slice(1);
  const name = `rt_test_${template.slice("rt_template_".length)}_${randomBytes(4).toString("hex")}`;
  const adminUrl = new URL(templateUrl);
  adminUrl.pathname = "/postgres";
  await withAdmin(adminUrl, (admin) => admin.query(`create database ${name} template ${template}`));
  const url = new URL(templateUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    open: () => createDatabase({ kind: "postgres", url: url.toString(), poolSize: 1 }),
    remove: async () => {
      await withAdmin(adminUrl, (admin) =>
        admin.query(`drop database if exists ${name} with (force)`),
      );
    },
  };
}

function runCli(env: Record<string, string>) {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  return new Promise<{ code: number | null; output: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", cliPath], {
      cwd: serverRoot,
      env: { ...inherited, ...env },
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

/** Audit rows as a running server leaves them: recorded, then sealed into the chain. */
async function writeEntries(target: Target, count: number) {
  const database = await target.open();
  try {
    for (let n = 0; n < count; n += 1) {
      await recordAudit(database.db, { action: "view", targetType: "case", detail: { n } });
    }
    await sealAuditTrail(database.db);
  } finally {
    await database.close();
  }
}

const targets: Target[] = [];
const freshTarget = async () => {
  const target = await createTarget();
  targets.push(target);
  return target;
};
afterEach(async () => {
  await Promise.all(targets.splice(0).map((target) => target.remove()));
});

describe("pnpm audit:verify", () => {
  it("exits 0 and says so when the chain is intact", async () => {
    const target = await freshTarget();
    await writeEntries(target, 3);
    const { code, output } = await runCli(target.env);
    expect(output).toContain("intakt");
    expect(output).toContain("intact: 3 entries");
    expect(code).toBe(0);
  }, 60_000);

  it("exits 1 and names the first broken entry after tampering", async () => {
    const target = await freshTarget();
    await writeEntries(target, 3);
    const database = await target.open();
    let tamperedId: number;
    try {
      const [, second] = await database.db
        .select({ id: schema.auditLog.id })
        .from(schema.auditLog)
        .orderBy(schema.auditLog.id);
      if (!second) throw new Error("expected three audit entries");
      tamperedId = second.id;
      await database.db.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
      await database.db.execute(
        sql`update audit_log set detail = '{"n":99}' where id = ${tamperedId}`,
      );
      await database.db.execute(sql`alter table audit_log enable trigger audit_log_append_only`);
    } finally {
      await database.close();
    }
    const { code, output } = await runCli(target.env);
    expect(output).toContain(`beschädigt ab Eintrag ${tamperedId}.`);
    expect(output).toContain(`broken at entry ${tamperedId}:`);
    expect(code).toBe(1);
  }, 60_000);

  it("exits 2 when there is no database to check", async () => {
    const { code, output } = await runCli({ DATABASE_URL: "postgres://nobody@127.0.0.1:1/none" });
    expect(output).toContain("failed");
    expect(code).toBe(2);
  }, 60_000);
});
