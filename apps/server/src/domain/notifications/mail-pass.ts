import type { Executor } from "@runder-tisch/db";
import { scheduleJob } from "../../jobs/job-queue.ts";

/** The job that mails notifications people want at once (registered by the mail plugin). */
export const MAIL_NOTIFICATIONS_JOB = "mail.notifications";

const WINDOW_MS = 10_000;

/**
 * Asks for a mail pass soon after new notifications, rather than at the mailer's next
 * half-minute run: one extra pass per ten seconds at most, however many are written.
 */
export function scheduleMailPass(db: Executor, now = new Date()): Promise<void> {
  const window = Math.floor(now.getTime() / WINDOW_MS);
  return scheduleJob(db, {
    kind: MAIL_NOTIFICATIONS_JOB,
    dedupeKey: `${MAIL_NOTIFICATIONS_JOB}@soon:${window}`,
  });
}
