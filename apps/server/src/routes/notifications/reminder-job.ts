import type { Executor } from "@runder-tisch/db";
import type { FastifyPluginAsync } from "fastify";
import {
  createActionReminders,
  notifyActionsNeedingOwner,
  notifyBasesExpiring,
  notifyConferencesStartingSoon,
  notifyMinutesAwaited,
} from "../../domain/notifications/index.ts";

const HOUR_MS = 3_600_000;
export const REMINDER_JOB = "notifications.reminders";
export const STARTING_SOON_JOB = "notifications.conference-starting-soon";
export const MINUTES_AWAITED_JOB = "notifications.minutes-awaited";
export const BASIS_EXPIRING_JOB = "notifications.basis-expiring";
export const NEEDS_OWNER_JOB = "notifications.action-needs-owner";

type Notifier = (db: Executor, now: Date) => Promise<string[]>;

/**
 * Reminders and notices nobody's action causes, through the shared job queue: whichever
 * node leases a run writes them in the job's transaction, and each notifier's dedupe key
 * (per subject, person and day or event) keeps a second run (or node) from telling anyone
 * twice. The bells of those told update once the run committed.
 */
export const reminderJob: FastifyPluginAsync = async (app) => {
  const recurring = (kind: string, everyMs: number, notify: Notifier) =>
    app.jobs.registerRecurring(kind, everyMs, async ({ tx, now, afterCommit }) => {
      const userIds = await notify(tx, now);
      if (userIds.length > 0) {
        afterCommit(() => app.events.publish({ kind: "notification.created", userIds }));
      }
    });
  recurring(REMINDER_JOB, HOUR_MS, createActionReminders);
  // Every quarter hour, so "within the hour" is told 45 to 60 minutes ahead, not 0 to 60.
  recurring(STARTING_SOON_JOB, HOUR_MS / 4, notifyConferencesStartingSoon);
  recurring(MINUTES_AWAITED_JOB, HOUR_MS, notifyMinutesAwaited);
  recurring(BASIS_EXPIRING_JOB, HOUR_MS, notifyBasesExpiring);
  recurring(NEEDS_OWNER_JOB, HOUR_MS, notifyActionsNeedingOwner);
};
