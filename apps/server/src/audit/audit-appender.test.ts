import { randomUUID } from "node:crypto";
import { schema } from "@runder-tisch/db";
import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { useTestApp } from "../../test/test-app.ts";
import { AuditAppender } from "./audit-appender.ts";
import type { AuditEntryInput } from "./audit-trail.ts";

const ctx = useTestApp();

const read = (requestId: string, detail: Record<string, unknown> = {}): AuditEntryInput => ({
  action: "list",
  targetType: "action",
  requestId,
  detail,
});

async function storedRequestIds(ids: string[]): Promise<Set<string | null>> {
  const rows = await ctx.db
    .select({ requestId: schema.auditLog.requestId })
    .from(schema.auditLog)
    .where(inArray(schema.auditLog.requestId, ids));
  return new Set(rows.map((row) => row.requestId));
}

describe("audit rows of reads in group commits", () => {
  it("writes the rows of many requests of one moment in a few commits, every one of them", async () => {
    const batches: number[] = [];
    const appender = new AuditAppender(ctx.db, (count) => batches.push(count));
    const ids = Array.from({ length: 200 }, () => randomUUID());

    await Promise.all(ids.map((id) => appender.append(read(id))));

    expect((await storedRequestIds(ids)).size).toBe(200);
    expect(batches.reduce((sum, count) => sum + count, 0)).toBe(200);
    // The first row goes alone; the others gather while it is written.
    expect(batches.length).toBeLessThan(20);
  });

  it("lets a request go on only once its own row is committed", async () => {
    const appender = new AuditAppender(ctx.db);
    const ids = Array.from({ length: 30 }, () => randomUUID());
    const foundWhenResumed = await Promise.all(
      ids.map(async (id) => {
        await appender.append(read(id));
        const [row] = await ctx.db
          .select({ id: schema.auditLog.id })
          .from(schema.auditLog)
          .where(eq(schema.auditLog.requestId, id));
        return row !== undefined;
      }),
    );
    expect(foundWhenResumed.every(Boolean)).toBe(true);
  });

  it("fails only the request whose row the database refuses", async () => {
    const appender = new AuditAppender(ctx.db);
    const good = Array.from({ length: 10 }, () => randomUUID());
    const bad = randomUUID();
    // jsonb takes no NUL character: this row can never be stored.
    const outcomes = await Promise.allSettled([
      ...good.slice(0, 5).map((id) => appender.append(read(id))),
      appender.append(read(bad, { text: "a\u0000b" })),
      ...good.slice(5).map((id) => appender.append(read(id))),
    ]);

    expect(outcomes.filter((outcome) => outcome.status === "rejected")).toHaveLength(1);
    expect(outcomes[5]?.status).toBe("rejected");
    expect(await storedRequestIds([...good, bad])).toEqual(new Set(good));
  });

  it("is drained before the app closes, so no read is left unwritten", async () => {
    const appender = new AuditAppender(ctx.db);
    const ids = Array.from({ length: 50 }, () => randomUUID());
    const appends = ids.map((id) => appender.append(read(id)));
    await appender.drain();
    expect((await storedRequestIds(ids)).size).toBe(50);
    await Promise.all(appends);
  });
});
