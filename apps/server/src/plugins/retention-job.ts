import fp from "fastify-plugin";
import { runRetention } from "../domain/retention/run-retention.ts";
import { retentionRulesFrom } from "../policies/retention-rules.ts";

type RetentionReport = Awaited<ReturnType<typeof runRetention>>;

declare module "fastify" {
  interface FastifyInstance {
    /** One run of the retention job now; scheduled and on-demand runs both count in the metrics. */
    retentionJob: { run(): Promise<RetentionReport> };
  }
}

/**
 * Runs the retention job every RETENTION_INTERVAL_MINUTES (0: never; run it
 * through the admin route instead). The timer is unref'd so it never keeps the
 * process alive, and a slow run is never overlapped.
 */
export const retentionJobPlugin = fp(
  async (app) => {
    const run = async (): Promise<RetentionReport> => {
      const started = performance.now();
      const seconds = () => (performance.now() - started) / 1000;
      try {
        const report = await runRetention(app.db, new Date(), retentionRulesFrom(app.config));
        app.metrics.recordJobRun("retention", "success", seconds());
        return report;
      } catch (error) {
        app.metrics.recordJobRun("retention", "failure", seconds());
        throw error;
      }
    };
    app.decorate("retentionJob", { run });

    const minutes = app.config.RETENTION_INTERVAL_MINUTES;
    if (minutes === 0) return;
    let running = false;
    const timer = setInterval(() => {
      if (running) return;
      running = true;
      run()
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
  { name: "retention-job", dependencies: ["config", "database", "metrics"] },
);
