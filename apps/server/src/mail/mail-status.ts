import type { TMailStatus } from "@runder-tisch/contracts";
import { type Executor, schema } from "@runder-tisch/db";
import { and, desc, isNotNull, isNull, sql } from "drizzle-orm";
import { MAX_MAIL_ATTEMPTS } from "./deliver-mail.ts";

const outbox = schema.mailOutbox;

/** Figures of the outbox for the platform admin; no address, subject or body leaves here. */
export async function loadMailStatus(db: Executor, smtpConfigured: boolean): Promise<TMailStatus> {
  const dayAgo = sql`now() - interval '1 day'`;
  const [counts] = await db
    .select({
      waiting:
        sql<number>`count(*) filter (where ${outbox.sentAt} is null and ${outbox.attempts} < ${MAX_MAIL_ATTEMPTS})`.mapWith(
          Number,
        ),
      failed:
        sql<number>`count(*) filter (where ${outbox.sentAt} is null and ${outbox.attempts} >= ${MAX_MAIL_ATTEMPTS} and ${outbox.createdAt} > ${dayAgo})`.mapWith(
          Number,
        ),
      sentLastDay: sql<number>`count(*) filter (where ${outbox.sentAt} > ${dayAgo})`.mapWith(
        Number,
      ),
    })
    .from(outbox);
  // Errors are stored without addresses (deliver-mail.ts), so the text can be shown as is.
  const [latest] = await db
    .select({ lastError: outbox.lastError })
    .from(outbox)
    .where(and(isNull(outbox.sentAt), isNotNull(outbox.lastError)))
    .orderBy(desc(outbox.nextAttemptAt))
    .limit(1);
  return {
    smtpConfigured,
    waiting: counts?.waiting ?? 0,
    failed: counts?.failed ?? 0,
    sentLastDay: counts?.sentLastDay ?? 0,
    lastError: latest?.lastError ?? null,
  };
}

/** Sent mails are kept a month (to answer "did it go out?"), given-up ones as long. */
export async function pruneMailOutbox(tx: Executor, now: Date): Promise<void> {
  const monthAgo = new Date(now.getTime() - 30 * 86_400_000);
  await tx
    .delete(outbox)
    .where(
      sql`(${outbox.sentAt} < ${monthAgo}) or (${outbox.sentAt} is null and ${outbox.attempts} >= ${MAX_MAIL_ATTEMPTS} and ${outbox.createdAt} < ${monthAgo})`,
    );
}
