import fp from "fastify-plugin";
import { runRetention } from "../domain/retention/run-retention.ts";
import { retentionRulesFrom } from "../policies/retention-rules.ts";

/**
 * Runs the retention job every RETENTION_INTERVAL_MINUTES (0: never; run it
 * through the admin route or `runRetention` instead). The timer is unref'd so
 * it never keeps the process alive, and a slow run is never overlapped.
 */
export const retentionJobPlugin = fp(
  async (app) => {
    const minutes = app.config.RETENTION_INTERVAL_MINUTES;
    if (minutes === 0) return;
    let running = false;
    const timer = setInterval(() => {
      if (running) return;
      running = true;
      runRetention(app.db, new Date(), retentionRulesFrom(app.config))
        .then((report) => {
          if (report.deletedCaseIds.length > 0 || report.skipped.length > 0) {
            app.log.info(
              { deleted: report.deletedCaseIds.length, skipped: report.skipped },
              "retention job ran",
            );
          }
        })
        .catch((error: unknown) => app.log.error({ err: error }, "retention job failed"))
        .finally(() => {
          running = false;
        });
    }, minutes * 60_000);
    timer.unref();
    app.addHook("onClose", async () => clearInterval(timer));
  },
  { name: "retention-job", dependencies: ["config", "database"] },
);
