import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Database } from "@runder-tisch/db";
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { runCli } from "../test/run-cli.ts";
import { demoLikeCase } from "../test/scenarios.ts";
import { openSession } from "../test/sessions.ts";
import type { TestContext } from "../test/test-app.ts";
import { verifyAuditChain } from "./audit/audit-trail.ts";
import { parseEnv } from "./env.ts";
import { DocumentStore } from "./live/document-store.ts";
import { type RunningServer, startServer } from "./start-server.ts";

/*
 * The embedded procedure of docs/backup-and-restore.md: stop the server, pack
 * DATA_DIR (the database and identity.key) with tar, unpack it elsewhere, check the
 * audit chain and start from there. PGlite only: the PostgreSQL run has its own test.
 */

function tar(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn("tar", args, { stdio: ["ignore", "ignore", "pipe"] });
    let errors = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (errors += chunk));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve() : reject(new Error(`tar ${code}: ${errors}`)),
    );
  });
}

const serverEnv = (dataDir: string) =>
  parseEnv({
    NODE_ENV: "test",
    LOG_LEVEL: "silent",
    SEED_DEMO: "false",
    HOST: "127.0.0.1",
    PORT: "0",
    DATA_DIR: dataDir,
  });

const asTestContext = (server: RunningServer): TestContext => ({
  app: server.app,
  database: server.database,
  db: server.database.db,
  close: () => server.stop(),
});

async function documentState(db: Database, documentId: string): Promise<Uint8Array> {
  const stored = await new DocumentStore(db).load(documentId);
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const update of stored.updates) Y.applyUpdate(doc, update);
  return Y.encodeStateAsUpdate(doc);
}

const servers: RunningServer[] = [];
const directories: string[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.stop()));
  await Promise.all(
    directories.splice(0).map((path) => rm(path, { recursive: true, force: true })),
  );
});

describe("backup of the embedded data directory", () => {
  it("a tarball of a stopped server's DATA_DIR starts elsewhere with its cases, documents, identities and audit chain", async () => {
    const site = await mkdtemp(join(tmpdir(), "rt-site-"));
    directories.push(site);
    const dataDir = join(site, ".data");

    // No IDENTITY_KEY: the server makes identity.key in DATA_DIR, which the backup must carry.
    const original = await startServer(serverEnv(dataDir));
    servers.push(original);
    const example = await demoLikeCase(asTestContext(original));
    const minutes = await example.owner.session.get(`/api/minutes/${example.minutesId}`);
    expect(minutes.statusCode).toBe(200);
    const document = await documentState(original.database.db, example.conference.id);
    await original.stop();

    const archive = join(site, "runder-tisch-backup.tar.gz");
    await tar(["-czf", archive, "-C", site, ".data"]);
    const elsewhere = await mkdtemp(join(tmpdir(), "rt-restored-"));
    directories.push(elsewhere);
    await tar(["-xzf", archive, "-C", elsewhere]);
    const restoredDir = join(elsewhere, ".data");

    const verified = await runCli("verify-audit.ts", { DATA_DIR: restoredDir });
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);
    expect(verified.stdout).toContain("Audit-Protokoll intakt");

    const restored = await startServer(serverEnv(restoredDir));
    servers.push(restored);
    const owner = await openSession(restored.app, example.owner.user);
    const identity = await owner.get(`/api/cases/${example.caseRow.id}/identity`);
    expect(identity.statusCode, identity.body).toBe(200);
    expect(identity.json().identity.name).toBe("Mamadou Camara");
    expect((await owner.get(`/api/minutes/${example.minutesId}`)).json()).toEqual(minutes.json());
    expect(await documentState(restored.database.db, example.conference.id)).toEqual(document);
    expect((await verifyAuditChain(restored.database.db)).valid).toBe(true);
  }, 60_000);
});
