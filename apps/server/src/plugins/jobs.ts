import { hostname } from "node:os";
import { schema } from "@runder-tisch/db";
import { and, isNotNull, lt } from "drizzle-orm";
import fp from "fastify-plugin";
import { JobQueue } from "../jobs/job-queue.ts";

declare module "fastify" {
  interface FastifyInstance {
    jobs: JobQueue;
  }
}

const DAY_MS = 86_400_000;
/** Done jobs are kept a week, for whoever wants to see what ran. */
const KEEP_DONE_JOBS_MS = 7 * DAY_MS;

/**
 * The job queue of this node. Features register their job kinds while the app is built;
 * polling starts once the app is ready (JOB_POLL_MS; 0 leaves it to `app.jobs.runDue()`).
 */
export const jobsPlugin = fp(
  async (app) => {
    const queue = new JobQueue(app.db, {
      nodeId: `${hostname()}:${process.pid}`,
      onError: (error, job) =>
        app.log.error({ err: error, job: { id: job.id, kind: job.kind } }, "job failed"),
      onRun: (kind, outcome, seconds) => app.metrics.recordJobRun(kind, outcome, seconds),
    });
    app.decorate("jobs", queue);

    queue.registerRecurring("jobs.cleanup", DAY_MS, async ({ tx, now }) => {
      await tx
        .delete(schema.jobs)
        .where(
          and(
            isNotNull(schema.jobs.doneAt),
            lt(schema.jobs.doneAt, new Date(now.getTime() - KEEP_DONE_JOBS_MS)),
          ),
        );
    });

    app.addHook("onReady", async () => {
      await queue.scheduleRecurring();
      queue.start(app.config.JOB_POLL_MS);
    });
    app.addHook("onClose", async () => queue.stop());
  },
  { name: "jobs", dependencies: ["config", "database", "metrics"] },
);
