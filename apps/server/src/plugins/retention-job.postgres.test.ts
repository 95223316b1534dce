import { randomBytes } from "node:crypto";
import type { DatabaseHandle } from "@runder-tisch/db";
import { schema } from "@runder-tisch/db";
import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCase } from "../../test/builders.ts";
import { createTestApp, type TestContext } from "../../test/test-app.ts";
import { createTestDatabase } from "../../test/test-database.ts";
import { IdentityCipher } from "../lib/identity-crypto.ts";
import { RETENTION_JOB } from "./retention-job.ts";

const DAY = 86_400_000;

let database: DatabaseHandle;
const nodes: TestContext[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  const identityCipher = new IdentityCipher(randomBytes(32));
  // Two servers on one database, each with the retention job's default period.
  for (let index = 0; index < 2; index += 1) {
    nodes.push(await createTestApp({}, { database, identityCipher }));
  }
});
afterAll(async () => {
  for (const node of nodes) await node.close();
  await database?.close();
});

const retentionJobs = () =>
  database.db.select().from(schema.jobs).where(eq(schema.jobs.kind, RETENTION_JOB));

describe("the retention job on the queue", () => {
  it("is scheduled once for two nodes, runs on one of them, and schedules its next run once", async () => {
    const [first, second] = nodes as [TestContext, TestContext];
    const waiting = await retentionJobs();
    expect(waiting).toHaveLength(1);
    const [next] = waiting;
    // Aligned to the six-hour period, so every node computes the same occurrence.
    expect((next?.runAt.getTime() ?? 0) % (360 * 60_000)).toBe(0);

    const { caseRow } = await buildCase(first);
    await database.db
      .update(schema.cases)
      .set({ status: "closed", closedAt: new Date(Date.now() - 4_000 * DAY) })
      .where(eq(schema.cases.id, caseRow.id));
    // Its time has come (instead of waiting up to six hours for it).
    await database.db
      .update(schema.jobs)
      .set({ runAt: new Date(Date.now() - 1_000) })
      .where(eq(schema.jobs.kind, RETENTION_JOB));

    // Both nodes poll at once (other kinds' runs may come due meanwhile; only this one counts).
    await Promise.all([first.app.jobs.runDue(), second.app.jobs.runDue()]);
    const ranOnce = async () => {
      const jobs = await retentionJobs();
      expect(jobs.filter((job) => job.doneAt !== null)).toEqual([
        expect.objectContaining({ attempts: 1, lastError: null }),
      ]);
      const upcoming = jobs.filter((job) => job.doneAt === null);
      expect(upcoming).toHaveLength(1);
      expect(upcoming[0]?.runAt.getTime()).toBeGreaterThan(Date.now());
    };
    await ranOnce();

    const left = await database.db
      .select()
      .from(schema.cases)
      .where(eq(schema.cases.id, caseRow.id));
    expect(left).toEqual([]);
    const deletions = await database.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.targetId, caseRow.id), eq(schema.auditLog.action, "delete")));
    expect(deletions).toHaveLength(1);

    // Both nodes poll again: the retention job is not run a second time.
    await Promise.all([first.app.jobs.runDue(), second.app.jobs.runDue()]);
    await ranOnce();
  });

  it("is not scheduled when its period is 0; the admin route's run still works", async () => {
    const own = await createTestApp({ RETENTION_INTERVAL_MINUTES: "0" });
    try {
      const jobs = await own.db
        .select()
        .from(schema.jobs)
        .where(and(eq(schema.jobs.kind, RETENTION_JOB), isNull(schema.jobs.doneAt)));
      expect(jobs).toEqual([]);
      const report = await own.app.retentionJob.run();
      expect(report.deletedCaseIds).toEqual([]);
    } finally {
      await own.close();
    }
  });
});
