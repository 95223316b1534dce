import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, id, instant } from "./columns.ts";

/**
 * Scheduled work (reminders, mail, digests), shared by every node. A node takes a due job
 * by leasing it (locked_until) with FOR UPDATE SKIP LOCKED, so two nodes never take the same
 * one; the job's effects and its done_at commit together, so it counts once. A node that
 * dies mid-job leaves a lease that runs out, and another node runs the job again.
 */
export const jobs = pgTable(
  "jobs",
  {
    id: id(),
    kind: text("kind").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull().default({}),
    runAt: instant("run_at").notNull().defaultNow(),
    /** The same key is scheduled once: a reminder for one action and day, say. */
    dedupeKey: text("dedupe_key"),
    attempts: integer("attempts").notNull().default(0),
    lockedBy: text("locked_by"),
    lockedUntil: instant("locked_until"),
    lastError: text("last_error"),
    doneAt: instant("done_at"),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex("jobs_dedupe_key").on(table.dedupeKey),
    index("jobs_due_idx").on(table.runAt).where(sql`${table.doneAt} is null`),
  ],
);

export type JobRow = typeof jobs.$inferSelect;
