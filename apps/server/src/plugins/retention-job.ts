import fp from "fastify-plugin";
import { runRetention } from "../domain/retention/run-retention.ts";
import { scheduleJob } from "../jobs/job-queue.ts";
import { retentionRulesFrom } from "../policies/retention-rules.ts";

type RetentionReport = Awaited<ReturnType<typeof runRetention>>;

/** The job's kind is also its metrics label, the same as for runs on demand. */
export const RETENTION_JOB = "retention";
/** A queued run takes no new case after this long, well within the job's one-minute lease. */
const RUN_BUDGET_MS = 25_000;

declare module "fastify" {
  interface FastifyInstance {
    /** One run of the retention job now; scheduled and on-demand runs both count in the metrics. */
    retentionJob: { run(): Promise<RetentionReport> };
  }
}

/**
 * Runs the retention job every RETENTION_INTERVAL_MINUTES (0: never; run it through the
 * admin route instead) as a recurring job of the queue, so one node runs each occurrence
 * however many nodes there are. Its deletions commit with the job (one savepoint per
 * case); a run that reaches its time budget leaves the rest to a run right after it.
 */
export const retentionJobPlugin = fp(
  async (app) => {
    const rules = retentionRulesFrom(app.config);
    const run = async (): Promise<RetentionReport> => {
      const started = performance.now();
      const seconds = () => (performance.now() - started) / 1000;
      try {
        const report = await runRetention(app.db, new Date(), rules);
        app.metrics.recordJobRun(RETENTION_JOB, "success", seconds());
        return report;
      } catch (error) {
        app.metrics.recordJobRun(RETENTION_JOB, "failure", seconds());
        throw error;
      }
    };
    app.decorate("retentionJob", { run });

    const minutes = app.config.RETENTION_INTERVAL_MINUTES;
    if (minutes === 0) return;
    // The queue counts these runs in the metrics under the job's kind.
    app.jobs.registerRecurring(
      RETENTION_JOB,
      minutes * 60_000,
      async ({ tx, now, afterCommit }) => {
        const until = Date.now() + RUN_BUDGET_MS;
        const report = await runRetention(tx, now, rules, { until });
        if (Date.now() >= until) {
          const at = new Date();
          await scheduleJob(tx, {
            kind: RETENTION_JOB,
            runAt: at,
            dedupeKey: `${RETENTION_JOB}@${at.toISOString()}:more`,
          });
        }
        if (report.deletedCaseIds.length > 0 || report.skipped.length > 0) {
          afterCommit(() =>
            app.log.info(
              { deleted: report.deletedCaseIds.length, skipped: report.skipped },
              "retention job ran",
            ),
          );
        }
      },
    );
  },
  { name: "retention-job", dependencies: ["config", "database", "metrics", "jobs"] },
);
