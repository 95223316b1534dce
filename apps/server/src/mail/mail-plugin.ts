import fp from "fastify-plugin";
import { MAIL_NOTIFICATIONS_JOB } from "../domain/notifications/mail-pass.ts";
import { claimDueMail, sendClaimedMail } from "./deliver-mail.ts";
import { mailLinks } from "./mail-links.ts";
import { mailDigests, mailImmediateNotifications } from "./mail-notifications.ts";
import { pruneMailOutbox } from "./mail-status.ts";
import { createMailSender } from "./mail-transport.ts";
import { MAIL_DELIVERY_JOB } from "./queue-mail.ts";

export { MAIL_NOTIFICATIONS_JOB } from "../domain/notifications/mail-pass.ts";
export const MAIL_DIGEST_JOB = "mail.digest";

declare module "fastify" {
  interface FastifyInstance {
    /** Whether this node has a mail server to send through (SMTP_URL). */
    mailEnabled: boolean;
  }
}

/**
 * Mail to people outside the app: the outbox's delivery, the mailer of notifications
 * wanted at once, and the daily digest. All three are jobs, so each runs on one node and
 * its effects commit with it (docs/mail.md).
 */
export const mailPlugin = fp(
  async (app) => {
    const sender = createMailSender(app.config.SMTP_URL, app.config.MAIL_FROM);
    const links = mailLinks(app.config.PUBLIC_URL ?? `http://127.0.0.1:${app.config.PORT}`);
    app.decorate("mailEnabled", sender !== null);

    app.jobs.registerRecurring(MAIL_DELIVERY_JOB, 30_000, async ({ tx, now, afterCommit }) => {
      const claimed = await claimDueMail(tx, sender, now);
      await pruneMailOutbox(tx, now);
      if (sender && claimed.length > 0) {
        afterCommit(async () => {
          await sendClaimedMail(app.db, sender, claimed);
        });
      }
    });
    app.jobs.registerRecurring(MAIL_NOTIFICATIONS_JOB, 30_000, async ({ tx, now }) => {
      await mailImmediateNotifications(tx, links, now);
    });
    // Every hour on the hour: Berlin's offset is whole hours, so that is every Berlin hour too.
    app.jobs.registerRecurring(MAIL_DIGEST_JOB, 3_600_000, async ({ tx, job, now }) => {
      // The hour the run was meant for, so a late run still sends that hour's digests.
      await mailDigests(tx, links, job.runAt, now);
    });

    app.addHook("onClose", async () => sender?.close());
  },
  { name: "mail", dependencies: ["config", "jobs"] },
);
