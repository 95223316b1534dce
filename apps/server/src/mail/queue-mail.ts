import { type Executor, schema } from "@runder-tisch/db";
import { z } from "zod";
import { scheduleJob } from "../jobs/job-queue.ts";

export const MAIL_DELIVERY_JOB = "mail.deliver";

export interface MailToQueue {
  to: string;
  subject: string;
  text: string;
  /** The case the mail is about, so its mails go when the case is deleted. */
  caseId?: string | null;
  /** An iCalendar text to attach (a conference invitation). */
  calendar?: string | null;
}

const ZAddress = z.email();

/**
 * Writes a mail to the outbox in the caller's transaction, and asks for a delivery run
 * right away: the mail exists exactly when the decision to send it committed, and a
 * failing mail server only delays it. An address that is not one is not queued.
 */
export async function queueMail(tx: Executor, mail: MailToQueue): Promise<string | null> {
  if (!ZAddress.safeParse(mail.to).success) return null;
  const [row] = await tx
    .insert(schema.mailOutbox)
    .values({
      toAddress: mail.to,
      subject: mail.subject,
      textBody: mail.text,
      caseId: mail.caseId ?? null,
      calendar: mail.calendar ?? null,
    })
    .returning({ id: schema.mailOutbox.id });
  await scheduleMailDelivery(tx);
  return row?.id ?? null;
}

/**
 * A delivery run at `at` (default now). Runs share the recurring job's key form, so the
 * requests of one instant (a burst of mails) make one run.
 */
export function scheduleMailDelivery(tx: Executor, at: Date = new Date()): Promise<void> {
  return scheduleJob(tx, {
    kind: MAIL_DELIVERY_JOB,
    runAt: at,
    dedupeKey: `${MAIL_DELIVERY_JOB}@${at.toISOString()}`,
  });
}
