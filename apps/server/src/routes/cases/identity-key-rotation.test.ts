import { randomBytes } from "node:crypto";
import { createDatabase, type DatabaseHandle, schema } from "@runder-tisch/db";
import { asc, sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { buildCase, buildMember, type Member } from "../../../test/builders.ts";
import { createFreshDatabase, type FreshDatabase } from "../../../test/crash/fresh-database.ts";
import { ServerProcess } from "../../../test/crash/server-process.ts";
import { runCli } from "../../../test/run-cli.ts";
import { openSession } from "../../../test/sessions.ts";
import { createTestApp, type TestContext } from "../../../test/test-app.ts";
import { verifyAuditChain } from "../../audit/audit-trail.ts";
import { IdentityCipher, identityKeyId } from "../../lib/identity-crypto.ts";

/*
 * `pnpm identity:rotate` against the database a stopped embedded server or a
 * PostgreSQL cluster keeps, the records written through the identity routes by
 * apps holding the keys a real deployment would hold at each step.
 */

const base64 = (key: Buffer) => key.toString("base64");

interface Setup {
  fresh: FreshDatabase;
  /** The database the CLI and the server child use, opened here while they are not running. */
  open(): Promise<DatabaseHandle>;
}

const setups: FreshDatabase[] = [];
afterEach(async () => {
  await Promise.all(setups.splice(0).map((fresh) => fresh.drop()));
});

async function freshSetup(): Promise<Setup> {
  const fresh = await createFreshDatabase();
  setups.push(fresh);
  const url = fresh.env.DATABASE_URL;
  // The crash helper's own handle has one connection; an app with its sealer needs more.
  if (url) return { fresh, open: () => createDatabase({ kind: "postgres", url, poolSize: 5 }) };
  return { fresh, open: () => fresh.open() };
}

/** Opens the database, lets `use` work with it, and closes it again for the next process. */
async function withDatabase<T>(setup: Setup, use: (database: DatabaseHandle) => Promise<T>) {
  const database = await setup.open();
  try {
    return await use(database);
  } finally {
    await database.close();
  }
}

/** Runs `use` against an app holding `cipher`, as a node configured so would. */
async function withApp<T>(
  database: DatabaseHandle,
  cipher: IdentityCipher,
  use: (ctx: TestContext) => Promise<T>,
): Promise<T> {
  const ctx = await createTestApp({}, { database, identityCipher: cipher });
  try {
    return await use(ctx);
  } finally {
    await ctx.close();
  }
}

const readRecords = (db: DatabaseHandle["db"]) =>
  db.select().from(schema.identityRecords).orderBy(asc(schema.identityRecords.caseId));

const rotationEntries = (db: DatabaseHandle["db"]) =>
  db.select().from(schema.auditLog).where(sql`${schema.auditLog.detail}->>'by' = 'key_rotation'`);

const countAudit = async (db: DatabaseHandle["db"]) =>
  (await db.select({ n: sql<number>`count(*)::int` }).from(schema.auditLog))[0]?.n ?? 0;

interface Written {
  owner: Member;
  caseId: string;
  name: string;
  updatedAt: string;
}

/** Identity records written through PUT /api/cases/:id/identity by an owner of the case. */
async function writeIdentities(
  database: DatabaseHandle,
  cipher: IdentityCipher,
  names: string[],
): Promise<Written[]> {
  return withApp(database, cipher, async (ctx) => {
    const owner = await buildMember(ctx, { kind: "kim_case_management" });
    const written: Written[] = [];
    for (const name of names) {
      const { caseRow } = await buildCase(ctx, { owner });
      const response = await owner.session.put(`/api/cases/${caseRow.id}/identity`, {
        name,
        dateOfBirth: "1990-01-01",
      });
      expect(response.statusCode, response.body).toBe(200);
      written.push({ owner, caseId: caseRow.id, name, updatedAt: response.json().updatedAt });
    }
    return written;
  });
}

describe("pnpm identity:rotate", () => {
  it("moves every record to the new key; the API shows them, the chain holds, a second run does nothing", async () => {
    const setup = await freshSetup();
    const [keyA, keyB] = [randomBytes(32), randomBytes(32)];
    // A node already restarted with the new key writes under it and still reads the old records.
    const rotatingNode = new IdentityCipher(keyB, [keyA]);
    const { underA, underB } = await withDatabase(setup, async (database) => {
      await database.migrate();
      const underA = await writeIdentities(database, new IdentityCipher(keyA), [
        "Mamadou Camara",
        "Amina Yusuf",
        "Karim Haddad",
      ]);
      const underB = await writeIdentities(database, rotatingNode, ["Olena Kovalenko"]);
      await withApp(database, rotatingNode, async (ctx) => {
        const [old] = underA;
        if (!old) throw new Error("expected records under key A");
        const session = await openSession(ctx.app, old.owner.user);
        const shown = await session.get(`/api/cases/${old.caseId}/identity`);
        expect(shown.json().identity.name).toBe("Mamadou Camara");
      });
      return { underA, underB };
    });

    const env = {
      ...setup.fresh.env,
      IDENTITY_KEY: base64(keyB),
      IDENTITY_KEYS_PREVIOUS: base64(keyA),
    };
    const first = await runCli("rotate-identity-key.ts", env);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain("neu verschlüsselt: 3 Datensätze, 1 waren schon");

    const newOnly = new IdentityCipher(keyB);
    const rotated = await withDatabase(setup, async (database) => {
      const records = await readRecords(database.db);
      expect(records).toHaveLength(4);
      for (const record of records) {
        expect(record.keyId).toBe(identityKeyId(keyB));
        const plaintext = newOnly.decrypt(record.ciphertext, record.caseId, record.keyId);
        expect(JSON.parse(plaintext)).toMatchObject({ dateOfBirth: "1990-01-01" });
      }
      expect(await verifyAuditChain(database.db)).toMatchObject({ valid: true, pending: 0 });
      const rotations = await rotationEntries(database.db);
      expect(rotations).toHaveLength(1);
      expect(rotations[0]).toMatchObject({
        action: "change",
        targetType: "identity_record",
        targetId: null,
        caseId: null,
        detail: { by: "key_rotation", reencrypted: 3, alreadyCurrent: 1 },
      });
      // A node holding only the new key serves every record, unchanged in content and date.
      await withApp(database, newOnly, async (ctx) => {
        for (const written of [...underA, ...underB]) {
          const session = await openSession(ctx.app, written.owner.user);
          const shown = await session.get(`/api/cases/${written.caseId}/identity`);
          expect(shown.statusCode, shown.body).toBe(200);
          expect(shown.json()).toMatchObject({
            identity: { name: written.name },
            updatedAt: written.updatedAt,
          });
        }
      });
      return records;
    });

    const again = await runCli("rotate-identity-key.ts", env);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain("Nichts zu tun: alle 4 Identitätsdatensätze");
    await withDatabase(setup, async (database) => {
      // The reads above were audited, so only the records and the rotation entries are compared.
      expect(await readRecords(database.db)).toEqual(rotated);
      expect(await rotationEntries(database.db)).toHaveLength(1);
      expect((await verifyAuditChain(database.db)).valid).toBe(true);
    });
  }, 60_000);

  it("refuses in one line and changes nothing when a record is under a key it was not given; the server starts and warns", async () => {
    const setup = await freshSetup();
    const [keyA, keyB, lostKey] = [randomBytes(32), randomBytes(32), randomBytes(32)];
    const before = await withDatabase(setup, async (database) => {
      await database.migrate();
      await writeIdentities(database, new IdentityCipher(keyA), ["Mamadou Camara", "Amina Yusuf"]);
      await writeIdentities(database, new IdentityCipher(lostKey), ["Karim Haddad"]);
      return { records: await readRecords(database.db), auditRows: await countAudit(database.db) };
    });

    const env = {
      ...setup.fresh.env,
      IDENTITY_KEY: base64(keyB),
      IDENTITY_KEYS_PREVIOUS: base64(keyA),
    };
    const refused = await runCli("rotate-identity-key.ts", env);
    expect(refused.code, refused.stdout + refused.stderr).toBe(1);
    expect(refused.stdout).toBe("");
    const lines = refused.stderr.split("\n").filter((line) => line.trim() !== "");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Abgebrochen, nichts geändert: 1 Identitätsdatensatz ist/);
    expect(lines[0]).toContain(`Schlüssel-ID ${identityKeyId(lostKey)}`);

    await withDatabase(setup, async (database) => {
      expect(await readRecords(database.db)).toEqual(before.records);
      expect(await countAudit(database.db)).toBe(before.auditRows);
    });

    const server = new ServerProcess({ env: { ...env, SEED_DEMO: "false" } });
    try {
      await server.start();
      expect(server.recentOutput()).toMatch(
        new RegExp(`^Warnung: 1 Identitätsdatensatz ist .*${identityKeyId(lostKey)}`, "m"),
      );
    } finally {
      if (server.running) await server.stop();
    }
  }, 60_000);
});
