import { type Executor, schema } from "@runder-tisch/db";
import { and, asc, eq, inArray, isNull, lt, lte, sql } from "drizzle-orm";
import type { MailSender } from "./mail-transport.ts";
import { scheduleMailDelivery } from "./queue-mail.ts";

/** After this many failed attempts (about a day and a half of retries) a mail is given up. */
export const MAX_MAIL_ATTEMPTS = 12;
/** What a mail says when the platform has no mail server to send it through. */
export const MAIL_OFF_ERROR = "no mail server configured (SMTP_URL unset)";

const BATCH = 10;
/** A run stops taking new mails after this long, well within the job's lease. */
const RUN_BUDGET_MS = 25_000;

/** Waits before the next attempt: 1 min, 2 min, 4 min … at most 6 hours. */
export const mailRetryDelayMs = (attempts: number) =>
  Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 6 * 3_600_000);

/** Mail servers quote the recipient in their refusals; the outbox's error column keeps none. */
export function withoutAddresses(message: string): string {
  return message.replace(/[^\s<>"'(),;:[\]]+@[^\s<>"'(),;:[\]]+/g, "[address]").slice(0, 500);
}

/** How long a run keeps the mails it took from other runs while it sends them. */
const CLAIM_MS = 2 * 60_000;

export type ClaimedMail = typeof schema.mailOutbox.$inferSelect;

/**
 * Takes the outbox's due mails for this run: the rows are locked (another node skips
 * them) and put a little into the future, so that the sending can happen after this
 * transaction commits. Sending inside it would hold a database connection (on the embedded
 * database: the only one) for as long as a slow mail server takes. Without a mail server,
 * due mails are marked undeliverable at once instead of being retried for nothing.
 */
export async function claimDueMail(
  tx: Executor,
  sender: MailSender | null,
  now: Date,
): Promise<ClaimedMail[]> {
  const outbox = schema.mailOutbox;
  const due = await tx
    .select()
    .from(outbox)
    .where(
      and(
        isNull(outbox.sentAt),
        lt(outbox.attempts, MAX_MAIL_ATTEMPTS),
        lte(outbox.nextAttemptAt, now),
      ),
    )
    .orderBy(asc(outbox.nextAttemptAt))
    .limit(BATCH)
    .for("update", { skipLocked: true });
  if (due.length === 0) return [];
  const ids = due.map((row) => row.id);
  if (!sender) {
    await tx
      .update(outbox)
      .set({ attempts: MAX_MAIL_ATTEMPTS, lastError: MAIL_OFF_ERROR })
      .where(inArray(outbox.id, ids));
    return [];
  }
  await tx
    .update(outbox)
    .set({ nextAttemptAt: new Date(now.getTime() + CLAIM_MS) })
    .where(inArray(outbox.id, ids));
  // A full batch: more may be waiting, so the next run comes now rather than in 30 s.
  if (due.length === BATCH) await scheduleMailDelivery(tx, new Date(now.getTime() + 1));
  return due;
}

/**
 * Sends the mails a run took, outside any transaction, and writes each outcome: sent, or
 * one more attempt with the error and the time of the next one. A failure never removes a
 * row; a node that dies while sending leaves its mails to be taken again once the claim
 * runs out (a mail sent just before may then go out twice: docs/mail.md).
 */
export async function sendClaimedMail(
  db: Executor,
  sender: MailSender,
  claimed: readonly ClaimedMail[],
): Promise<{ sent: number; failed: number }> {
  const outbox = schema.mailOutbox;
  const started = Date.now();
  let sent = 0;
  let failed = 0;
  for (const row of claimed) {
    // Past the budget the rest waits for its claim to run out and the next run.
    if (Date.now() - started > RUN_BUDGET_MS) break;
    try {
      await sender.send({
        to: row.toAddress,
        subject: row.subject,
        text: row.textBody,
        calendar: row.calendar,
      });
      await db
        .update(outbox)
        .set({ sentAt: sql`now()`, attempts: row.attempts + 1, lastError: null })
        .where(eq(outbox.id, row.id));
      sent += 1;
    } catch (error) {
      const attempts = row.attempts + 1;
      const nextAttemptAt = new Date(Date.now() + mailRetryDelayMs(attempts));
      const message = error instanceof Error ? error.message : String(error);
      await db
        .update(outbox)
        .set({ attempts, nextAttemptAt, lastError: withoutAddresses(message) })
        .where(eq(outbox.id, row.id));
      if (attempts < MAX_MAIL_ATTEMPTS) await scheduleMailDelivery(db, nextAttemptAt);
      failed += 1;
    }
  }
  return { sent, failed };
}
