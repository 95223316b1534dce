import type { FastifyPluginAsync } from "fastify";
import { createActionReminders } from "../../domain/notifications/index.ts";

const HOUR_MS = 3_600_000;
export const REMINDER_JOB = "notifications.reminders";

/**
 * Reminders of due and overdue actions, through the shared job queue: whichever node leases
 * the hourly run writes them in the job's transaction, and the dedupe key per action, person
 * and day keeps a second run (or node) from telling anyone twice.
 */
export const reminderJob: FastifyPluginAsync = async (app) => {
  app.jobs.registerRecurring(REMINDER_JOB, HOUR_MS, async ({ tx, now, afterCommit }) => {
    const userIds = await createActionReminders(tx, now);
    afterCommit(() => app.events.publish({ kind: "notification.created", userIds }));
  });
};
