import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getNotes } from "@runder-tisch/conference-doc";
import { createDatabase, type Database, type DatabaseHandle, schema } from "@runder-tisch/db";
import { asc, eq, sql } from "drizzle-orm";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { buildCase, buildConferenceScenario, type Member } from "../test/builders.ts";
import { createFreshDatabase, type FreshDatabase } from "../test/crash/fresh-database.ts";
import { runCli } from "../test/run-cli.ts";
import { demoLikeCase, writeDocument } from "../test/scenarios.ts";
import { openSession } from "../test/sessions.ts";
import { createTestApp, type TestContext } from "../test/test-app.ts";
import { waitUntil } from "../test/wait.ts";
import { verifyAuditChain } from "./audit/audit-trail.ts";
import { sealAuditTrail } from "./audit/seal-audit-trail.ts";
import { IdentityCipher } from "./lib/identity-crypto.ts";
import { DocumentStore } from "./live/document-store.ts";

/*
 * The procedure of docs/backup-and-restore.md for PostgreSQL, with the real tools:
 * `pg_dump --format=custom` of a database the app keeps writing to, `pg_restore`
 * into an empty database, `pnpm audit:verify`, then the app on the restored copy.
 */

function runTool(
  command: string,
  args: string[],
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

async function adminQuery(databaseUrl: string, statement: string): Promise<void> {
  const adminUrl = new URL(databaseUrl);
  adminUrl.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

/** The stored Yjs state as a node loads it: the latest snapshot plus the updates after it. */
async function loadDoc(db: Database, documentId: string): Promise<Y.Doc> {
  const stored = await new DocumentStore(db).load(documentId);
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const update of stored.updates) Y.applyUpdate(doc, update);
  return doc;
}

async function documentIds(db: Database): Promise<string[]> {
  const result = (await db.execute(sql`
    select document_id from document_updates
    union select document_id from document_snapshots
    order by 1`)) as unknown as { rows: { document_id: string }[] };
  return result.rows.map((row) => row.document_id);
}

const caseIds = async (db: Database) =>
  (await db.select({ id: schema.cases.id }).from(schema.cases).orderBy(asc(schema.cases.id))).map(
    (row) => row.id,
  );

const appendLine = (text: string) => (doc: Y.Doc) => {
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText(text)]);
  getNotes(doc).push([paragraph]);
};

const writerOf = (member: Member) => ({ userId: member.user.id, agencyId: member.agency.id });

/** Closes at most once, whether the test gets there or the cleanup does. */
const once = (close: () => Promise<void>) => {
  let closing: Promise<void> | undefined;
  return () => {
    closing ??= close();
    return closing;
  };
};

/** What the writer committed, in order: a snapshot of the database holds a prefix of it. */
type Written =
  | { kind: "case"; caseId: string }
  | { kind: "identity"; caseId: string }
  | { kind: "line"; text: string };

/** Keeps writing through the API and the document, as people in a conference would. */
function startWriter(ctx: TestContext, owner: Member, conferenceId: string) {
  const written: Written[] = [];
  let stopped = false;
  const running = (async () => {
    for (let n = 0; !stopped; n += 1) {
      const created = await owner.session.post("/api/cases", { summary: `Fall ${n}` });
      expect(created.statusCode, created.body).toBe(201);
      const caseId: string = created.json().id;
      written.push({ kind: "case", caseId });
      const identity = await owner.session.put(`/api/cases/${caseId}/identity`, {
        name: `Person ${n}`,
      });
      expect(identity.statusCode, identity.body).toBe(200);
      written.push({ kind: "identity", caseId });
      const text = `Zeile ${n}`;
      await writeDocument(ctx, conferenceId, writerOf(owner), appendLine(text));
      written.push({ kind: "line", text });
    }
  })();
  return {
    written,
    async stop() {
      stopped = true;
      await running;
    },
  };
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe("backup with pg_dump and restore with pg_restore", () => {
  it("a dump taken while the app writes restores every case, document, identity record and the audit chain", async () => {
    const source: FreshDatabase = await createFreshDatabase();
    cleanups.push(() => source.drop());
    const sourceUrl = source.env.DATABASE_URL;
    if (!sourceUrl) throw new Error("this test runs on PostgreSQL only");
    const workDir = await mkdtemp(join(tmpdir(), "rt-backup-"));
    cleanups.push(() => rm(workDir, { recursive: true, force: true }));
    // The key is kept apart from the dump; the restored system gets the same one.
    const identityCipher = new IdentityCipher(randomBytes(32));

    const sourceDb = await createDatabase({ kind: "postgres", url: sourceUrl, poolSize: 5 });
    cleanups.push(() => sourceDb.close());
    const ctx = await createTestApp({}, { database: sourceDb, identityCipher });
    const closeSource = once(() => ctx.close());
    cleanups.push(closeSource);

    // A case with a row in every table that holds case data, and two more with identities.
    const example = await demoLikeCase(ctx);
    const others = [];
    for (const name of ["Amina Yusuf", "Karim Haddad"]) {
      const { caseRow } = await buildCase(ctx, { owner: example.owner });
      const put = await example.owner.session.put(`/api/cases/${caseRow.id}/identity`, { name });
      expect(put.statusCode).toBe(200);
      others.push({ caseId: caseRow.id, name });
    }
    const live = await buildConferenceScenario(ctx);
    await writeDocument(
      ctx,
      live.conference.id,
      writerOf(live.owner),
      appendLine("Vor der Sicherung"),
    );
    await sealAuditTrail(ctx.db);
    const minutesBefore = await example.owner.session.get(`/api/minutes/${example.minutesId}`);
    expect(minutesBefore.statusCode).toBe(200);
    const before = {
      caseIds: await caseIds(ctx.db),
      documents: new Map<string, Uint8Array>(),
      sealed: (await verifyAuditChain(ctx.db)).checked,
    };
    for (const id of await documentIds(ctx.db)) {
      if (id === live.conference.id) continue;
      before.documents.set(id, Y.encodeStateAsUpdate(await loadDoc(ctx.db, id)));
    }
    expect(before.documents.has(example.conference.id)).toBe(true);

    const writer = startWriter(ctx, live.owner, live.conference.id);
    await waitUntil(() => writer.written.length >= 3, "the writer to get going", 10_000);
    const writtenBeforeDump = writer.written.length;
    const dumpFile = join(workDir, "runder-tisch.dump");
    const dumped = await runTool("pg_dump", [
      "--format=custom",
      `--file=${dumpFile}`,
      `--dbname=${sourceUrl}`,
    ]);
    const writtenDuringDump = writer.written.length - writtenBeforeDump;
    await writer.stop();
    expect(dumped.code, dumped.output).toBe(0);
    expect(writtenDuringDump, "writes while pg_dump ran").toBeGreaterThan(0);
    await closeSource();

    const restoredName = `${new URL(sourceUrl).pathname.slice(1)}_restored`;
    const restoredUrl = new URL(sourceUrl);
    restoredUrl.pathname = `/${restoredName}`;
    await adminQuery(sourceUrl, `create database ${restoredName} template template0`);
    cleanups.push(() =>
      adminQuery(sourceUrl, `drop database if exists ${restoredName} with (force)`),
    );
    const restoredRun = await runTool("pg_restore", [
      "--no-owner",
      "--exit-on-error",
      `--dbname=${restoredUrl}`,
      dumpFile,
    ]);
    expect(restoredRun.code, restoredRun.output).toBe(0);

    const verified = await runCli("verify-audit.ts", { DATABASE_URL: restoredUrl.toString() });
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);
    expect(verified.stdout).toContain("Audit-Protokoll intakt");

    const restoredDb: DatabaseHandle = await createDatabase({
      kind: "postgres",
      url: restoredUrl.toString(),
      poolSize: 5,
    });
    cleanups.push(() => restoredDb.close());
    // What the server does at start: the restored schema is current, nothing to migrate.
    await restoredDb.migrate();
    const restored = await createTestApp({}, { database: restoredDb, identityCipher });
    cleanups.push(() => restored.close());
    const db = restored.db;

    const restoredCases = await caseIds(db);
    expect(restoredCases).toEqual(expect.arrayContaining(before.caseIds));
    for (const [id, state] of before.documents) {
      expect(Y.encodeStateAsUpdate(await loadDoc(db, id)), `document ${id}`).toEqual(state);
    }
    expect(getNotes(await loadDoc(db, example.conference.id)).toString()).toContain(
      "sieben Jahren",
    );

    // Every identity record decrypts, and the owners see theirs through the API.
    const records = await db.select().from(schema.identityRecords);
    expect(records.length).toBeGreaterThanOrEqual(3);
    for (const record of records) {
      expect(() =>
        identityCipher.decrypt(record.ciphertext, record.caseId, record.keyId),
      ).not.toThrow();
    }
    const owner = await openSession(restored.app, example.owner.user);
    const shown = [{ caseId: example.caseRow.id, name: "Mamadou Camara" }, ...others];
    for (const { caseId, name } of shown) {
      const identity = await owner.get(`/api/cases/${caseId}/identity`);
      expect(identity.statusCode, identity.body).toBe(200);
      expect(identity.json().identity.name).toBe(name);
    }
    const minutesAfter = await owner.get(`/api/minutes/${example.minutesId}`);
    expect(minutesAfter.json()).toEqual(minutesBefore.json());
    const actions = await db
      .select({ id: schema.actions.id })
      .from(schema.actions)
      .where(eq(schema.actions.caseId, example.caseRow.id));
    expect(actions).toHaveLength(2);

    // One consistent snapshot: of what the writer committed in order, the copy holds a prefix.
    const liveNotes = getNotes(await loadDoc(db, live.conference.id)).toString();
    expect(liveNotes).toContain("Vor der Sicherung");
    const present = await Promise.all(
      writer.written.map(async (entry) => {
        if (entry.kind === "line") return liveNotes.includes(`>${entry.text}<`);
        const rows =
          entry.kind === "case"
            ? await db.select().from(schema.cases).where(eq(schema.cases.id, entry.caseId))
            : await db
                .select()
                .from(schema.identityRecords)
                .where(eq(schema.identityRecords.caseId, entry.caseId));
        return rows.length === 1;
      }),
    );
    const held = present.indexOf(false) === -1 ? present.length : present.indexOf(false);
    expect(present.slice(held), "nothing after the first missing write").not.toContain(true);
    expect(held).toBeGreaterThanOrEqual(writtenBeforeDump);

    const chain = await verifyAuditChain(db);
    expect(chain.valid).toBe(true);
    expect(chain.checked).toBeGreaterThanOrEqual(before.sealed);
  }, 60_000);
});
