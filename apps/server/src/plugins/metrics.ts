import { timingSafeEqual } from "node:crypto";
import { CloseCode } from "@runder-tisch/collab-protocol";
import type { DatabaseHandle } from "@runder-tisch/db";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import type { CollabObserver, UpdateSource } from "../collab/index.ts";

/**
 * Background jobs with figures of their own: the retention run and every job kind of the
 * job queue, each a fixed name from the code (a label value), never anything per run.
 */
export type JobTask = string;
const JOB_TASKS: readonly JobTask[] = ["retention"];

declare module "fastify" {
  interface FastifyInstance {
    metrics: {
      registry: Registry;
      /** Counts audit entries as they are appended, for the append rate. */
      auditAppended: Counter;
      /** Given to the collaboration core, which reports updates, latencies and closes to it. */
      collabObserver: CollabObserver;
      recordJobRun(task: JobTask, outcome: "success" | "failure", seconds: number): void;
    };
  }
}

const sameToken = (given: string, expected: string) => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/** Storage and acknowledgement times: a few milliseconds normally, seconds while the database struggles. */
const WRITE_BUCKETS = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** A gauge read when Prometheus scrapes, so the hot path never updates it. */
function readGauge(registry: Registry, name: string, help: string, read: () => number): void {
  new Gauge({
    name,
    help,
    registers: [registry],
    collect() {
      this.set(read());
    },
  });
}

function collabFigures(registry: Registry, app: FastifyInstance): CollabObserver {
  const stats = () => app.collab.stats();
  readGauge(
    registry,
    "runder_tisch_collab_connections",
    "Open document sockets",
    () => stats().connections,
  );
  readGauge(
    registry,
    "runder_tisch_collab_documents_loaded",
    "Conference documents in memory",
    () => stats().documents,
  );
  readGauge(
    registry,
    "runder_tisch_collab_pending_writes",
    "Document updates received and not yet stored (the persist queue)",
    () => stats().pendingWrites,
  );
  readGauge(
    registry,
    "runder_tisch_bus_connected",
    "1 while the Redis bus reaches the other nodes (1 without a bus)",
    () => (app.collabBus?.isConnected?.() === false ? 0 : 1),
  );
  const applied = new Counter({
    name: "runder_tisch_collab_updates_applied_total",
    help: "Changes applied to loaded documents, by source: client, server (its own changes) or peer (another node); its rate is updates per second",
    labelNames: ["source"],
    registers: [registry],
  });
  const bySource: Record<UpdateSource, Counter.Internal> = {
    client: applied.labels("client"),
    server: applied.labels("server"),
    peer: applied.labels("peer"),
  };
  // Every series from the start, so a rate over the first scrapes is right.
  for (const counter of Object.values(bySource)) counter.inc(0);
  const persisted = new Histogram({
    name: "runder_tisch_collab_persist_latency_seconds",
    help: "Time from queueing a document update for storage until it is durable",
    buckets: WRITE_BUCKETS,
    registers: [registry],
  });
  const acknowledged = new Histogram({
    name: "runder_tisch_collab_ack_latency_seconds",
    help: "Time from accepting a client's document update until the SAVED acknowledgement covering it is sent (clients that ask for acknowledgements)",
    buckets: WRITE_BUCKETS,
    registers: [registry],
  });
  const closed = new Counter({
    name: "runder_tisch_collab_sockets_closed_total",
    help: "Document sockets the server closed, by close code: 44xx refused frames and denials (4400 malformed, 4413 frame too large, 4414 document full, 4429 rate limited, 4401/4403/4410 no access), 45xx and 1011 transient trouble, 1001 shutdown",
    labelNames: ["code"],
    registers: [registry],
  });
  for (const code of Object.values(CloseCode)) closed.labels(String(code)).inc(0);
  const busRoundTrip = new Histogram({
    name: "runder_tisch_bus_round_trip_seconds",
    help: "Time for a sampled message of this node to come back through the bus, the same path a message to another node takes (stays empty without a bus)",
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  return {
    onUpdateApplied: (source) => bySource[source].inc(),
    onPersisted: (latencyMs) => persisted.observe(latencyMs / 1000),
    onAcknowledged: (latencyMs) => acknowledged.observe(latencyMs / 1000),
    onSocketClosed: (code) => closed.labels(String(code)).inc(),
    onBusRoundTrip: (latencyMs) => busRoundTrip.observe(latencyMs / 1000),
  };
}

/** The embedded database has no pool (one connection in the process): no series then. */
function databaseFigures(registry: Registry, database: DatabaseHandle): void {
  const poolStats = database.poolStats?.bind(database);
  if (poolStats === undefined) return;
  const figures = [
    ["connections", "Open PostgreSQL connections of the pool, busy or idle", "total"],
    ["idle_connections", "Idle PostgreSQL connections of the pool", "idle"],
    ["waiting_queries", "Queries waiting for a free PostgreSQL connection", "waiting"],
    ["max_connections", "The most PostgreSQL connections the pool opens", "max"],
  ] as const;
  for (const [name, help, field] of figures) {
    readGauge(registry, `runder_tisch_db_pool_${name}`, help, () => poolStats()[field]);
  }
}

function jobFigures(registry: Registry) {
  const runs = new Counter({
    name: "runder_tisch_job_runs_total",
    help: "Runs of background jobs (scheduled or on demand), by task and outcome",
    labelNames: ["task", "outcome"],
    registers: [registry],
  });
  const duration = new Histogram({
    name: "runder_tisch_job_duration_seconds",
    help: "How long a background job ran, by task",
    labelNames: ["task"],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
    registers: [registry],
  });
  const lastSuccess = new Gauge({
    name: "runder_tisch_job_last_success_timestamp_seconds",
    help: "Unix time of the last successful run, by task (absent until one succeeded)",
    labelNames: ["task"],
    registers: [registry],
  });
  for (const task of JOB_TASKS) {
    runs.labels(task, "success").inc(0);
    runs.labels(task, "failure").inc(0);
    duration.zero({ task });
  }
  return (task: JobTask, outcome: "success" | "failure", seconds: number) => {
    runs.labels(task, outcome).inc();
    duration.labels(task).observe(seconds);
    if (outcome === "success") lastSuccess.labels(task).set(Date.now() / 1000);
  };
}

/**
 * Prometheus figures of this node: requests by route, the database pool, the
 * collaboration server (sockets, loaded documents, updates, storage and
 * acknowledgement times, closes by code, the bus), background jobs, the audit
 * append rate and the process. One registry per app, so several apps in one test
 * process do not mix. No label carries an id, a path or case data.
 * GET /metrics answers only with METRICS_TOKEN set and given as a bearer token.
 */
export const metricsPlugin = fp(
  async (app) => {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry, prefix: "runder_tisch_" });
    const requests = new Histogram({
      name: "runder_tisch_http_request_duration_seconds",
      help: "Time to answer a request, by route pattern (never the concrete path) and status",
      labelNames: ["method", "route", "status"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    });
    const auditAppended = new Counter({
      name: "runder_tisch_audit_entries_total",
      help: "Audit entries appended",
      registers: [registry],
    });
    const collabObserver = collabFigures(registry, app);
    databaseFigures(registry, app.database);
    const recordJobRun = jobFigures(registry);

    app.addHook("onResponse", async (request, reply) => {
      // Unmatched paths share one label: a scanner must not create a series per path.
      const route = request.routeOptions.url ?? "unmatched";
      if (route === "/metrics") return;
      requests.observe(
        { method: request.method, route, status: String(reply.statusCode) },
        reply.elapsedTime / 1000,
      );
    });
    app.decorate("metrics", { registry, auditAppended, collabObserver, recordJobRun });

    // Without a token the figures are not served at all (and the path is not the web app's).
    const token = app.config.METRICS_TOKEN;
    app.get("/metrics", { schema: { hide: true } }, async (request, reply) => {
      if (token === undefined) return reply.status(404).send("not found\n");
      const given = request.headers.authorization?.replace(/^Bearer\s+/i, "") ?? "";
      if (!sameToken(given, token)) {
        return reply.status(401).header("www-authenticate", "Bearer").send("unauthorised\n");
      }
      return reply.type(registry.contentType).send(await registry.metrics());
    });
  },
  { name: "metrics", dependencies: ["config", "database"] },
);
