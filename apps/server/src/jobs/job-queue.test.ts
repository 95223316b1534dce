import { schema } from "@runder-tisch/db";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildMember } from "../../test/builders.ts";
import { useTestApp } from "../../test/test-app.ts";
import { JobQueue, scheduleJob } from "./job-queue.ts";

describe("the job queue", () => {
  const ctx = useTestApp();
  let sequence = 0;
  /** A job kind of this test only, so tests sharing the database never take each other's. */
  const kind = () => `test.job-${++sequence}`;
  const queue = (nodeId: string, options: { leaseMs?: number; maxAttempts?: number } = {}) =>
    new JobQueue(ctx.db, { nodeId, ...options });
  const jobsOf = (jobKind: string) =>
    ctx.db.select().from(schema.jobs).where(eq(schema.jobs.kind, jobKind));

  it("runs a due job once, with its effects in the same transaction as being done", async () => {
    const jobKind = kind();
    const member = await buildMember(ctx);
    const node = queue("node-a");
    node.register(jobKind, async ({ tx, job }) => {
      await tx
        .update(schema.users)
        .set({ displayName: String(job.payload.name) })
        .where(eq(schema.users.id, member.user.id));
    });
    await scheduleJob(ctx.db, { kind: jobKind, payload: { name: "Geplant" } });
    await scheduleJob(ctx.db, { kind: jobKind, runAt: new Date(Date.now() + 3_600_000) });

    expect(await node.runDue()).toBe(1);
    expect(await node.runDue()).toBe(0);
    const [user] = await ctx.db
      .select()
      .from(schema.users)
      .where(eq(schema.users.id, member.user.id));
    expect(user?.displayName).toBe("Geplant");
    const rows = await jobsOf(jobKind);
    expect(rows.filter((row) => row.doneAt !== null)).toHaveLength(1);
    expect(rows.filter((row) => row.doneAt === null)).toHaveLength(1);
  });

  it("schedules a dedupe key once, however often it is asked", async () => {
    const jobKind = kind();
    for (let i = 0; i < 3; i++) {
      await scheduleJob(ctx.db, { kind: jobKind, dedupeKey: `${jobKind}:one` });
    }
    expect(await jobsOf(jobKind)).toHaveLength(1);
  });

  it("keeps nothing of a failed run, and tries again later with the error noted", async () => {
    const jobKind = kind();
    const member = await buildMember(ctx);
    let calls = 0;
    const node = queue("node-a");
    node.register(jobKind, async ({ tx }) => {
      calls += 1;
      await tx
        .update(schema.users)
        .set({ displayName: "halb geschrieben" })
        .where(eq(schema.users.id, member.user.id));
      if (calls === 1) throw new Error("the mail server said no");
    });
    await scheduleJob(ctx.db, { kind: jobKind });
    expect(await node.runDue()).toBe(1);

    const [failed] = await jobsOf(jobKind);
    expect(failed?.doneAt).toBeNull();
    expect(failed?.lastError).toBe("the mail server said no");
    expect(failed?.runAt.getTime()).toBeGreaterThan(Date.now());
    const [untouched] = await ctx.db
      .select()
      .from(schema.users)
      .where(eq(schema.users.id, member.user.id));
    expect(untouched?.displayName).toBe(member.user.displayName);

    // Not before its time; then it runs and succeeds.
    expect(await node.runDue()).toBe(0);
    await ctx.db
      .update(schema.jobs)
      .set({ runAt: new Date() })
      .where(eq(schema.jobs.kind, jobKind));
    expect(await node.runDue()).toBe(1);
    const [done] = await jobsOf(jobKind);
    expect(done?.doneAt).not.toBeNull();
    expect(done?.attempts).toBe(2);
  });

  it("gives a job up after its last attempt instead of trying forever", async () => {
    const jobKind = kind();
    const node = queue("node-a", { maxAttempts: 2 });
    node.register(jobKind, async () => {
      throw new Error("always");
    });
    await scheduleJob(ctx.db, { kind: jobKind });
    for (let attempt = 0; attempt < 2; attempt++) {
      await ctx.db
        .update(schema.jobs)
        .set({ runAt: new Date() })
        .where(eq(schema.jobs.kind, jobKind));
      await node.runDue();
    }
    const [given] = await jobsOf(jobKind);
    expect(given?.doneAt).not.toBeNull();
    expect(given?.lastError).toBe("always");
  });

  it("runs a crashed node's job again once its lease ran out", async () => {
    const jobKind = kind();
    const node = queue("node-b");
    let runs = 0;
    node.register(jobKind, async () => {
      runs += 1;
    });
    await scheduleJob(ctx.db, { kind: jobKind });
    // Node A took the job and died: its lease still holds, so nobody else takes it.
    await ctx.db
      .update(schema.jobs)
      .set({ lockedBy: "node-a", lockedUntil: sql`now() + interval '1 minute'`, attempts: 1 })
      .where(eq(schema.jobs.kind, jobKind));
    expect(await node.runDue()).toBe(0);

    await ctx.db
      .update(schema.jobs)
      .set({ lockedUntil: sql`now() - interval '1 second'` })
      .where(eq(schema.jobs.kind, jobKind));
    expect(await node.runDue()).toBe(1);
    const [job] = await jobsOf(jobKind);
    expect(runs).toBe(1);
    expect(job?.lockedBy).toBe("node-b");
    expect(job?.attempts).toBe(2);
    expect(job?.doneAt).not.toBeNull();
  });

  it("keeps nothing of a run whose lease another node took over meanwhile", async () => {
    const jobKind = kind();
    const member = await buildMember(ctx);
    const node = queue("node-a");
    node.register(jobKind, async ({ tx, job }) => {
      await tx
        .update(schema.users)
        .set({ displayName: "zu spät" })
        .where(eq(schema.users.id, member.user.id));
      // What a node sees when it outlived its lease: another node holds the job now.
      await tx.update(schema.jobs).set({ lockedBy: "node-b" }).where(eq(schema.jobs.id, job.id));
    });
    await scheduleJob(ctx.db, { kind: jobKind });
    await node.runDue();

    const [job] = await jobsOf(jobKind);
    expect(job?.doneAt).toBeNull();
    const [user] = await ctx.db
      .select()
      .from(schema.users)
      .where(eq(schema.users.id, member.user.id));
    expect(user?.displayName).toBe(member.user.displayName);
  });

  it("hands every due job to exactly one of several nodes running at once", async () => {
    const jobKind = kind();
    const ran = new Map<string, string[]>();
    const nodes = ["a", "b", "c"].map((name) => {
      const node = queue(`node-${name}`);
      node.register(jobKind, async ({ job }) => {
        ran.set(job.id, [...(ran.get(job.id) ?? []), name]);
      });
      return node;
    });
    for (let i = 0; i < 30; i++) await scheduleJob(ctx.db, { kind: jobKind });
    let total = 0;
    for (let round = 0; round < 5 && total < 30; round++) {
      const counts = await Promise.all(nodes.map((node) => node.runDue(7)));
      total += counts.reduce((sum, count) => sum + count, 0);
    }
    expect(total).toBe(30);
    expect(ran.size).toBe(30);
    for (const names of ran.values()) expect(names).toHaveLength(1);
  });

  it("schedules a recurring job once for several nodes, and each run schedules the next", async () => {
    const jobKind = kind();
    const hour = 3_600_000;
    const a = queue("node-a");
    const b = queue("node-b");
    let runs = 0;
    for (const node of [a, b]) {
      node.registerRecurring(jobKind, hour, async () => {
        runs += 1;
      });
      await node.scheduleRecurring();
    }
    const [first, ...others] = await jobsOf(jobKind);
    expect(others).toHaveLength(0);
    expect(first?.runAt.getTime() ?? 0).toBeGreaterThan(Date.now());
    expect((first?.runAt.getTime() ?? 1) % hour).toBe(0);

    await ctx.db
      .update(schema.jobs)
      .set({ runAt: new Date() })
      .where(eq(schema.jobs.kind, jobKind));
    expect(await a.runDue()).toBe(1);
    expect(runs).toBe(1);
    const pending = (await jobsOf(jobKind)).filter((row) => row.doneAt === null);
    expect(pending).toHaveLength(1);
    expect(pending[0]?.runAt.getTime() ?? 0).toBeGreaterThan(Date.now());
  });
});
