import { timingSafeEqual } from "node:crypto";
import fp from "fastify-plugin";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

declare module "fastify" {
  interface FastifyInstance {
    metrics: {
      registry: Registry;
      /** Counts audit entries as they are appended, for the append rate. */
      auditAppended: Counter;
    };
  }
}

const sameToken = (given: string, expected: string) => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/**
 * Prometheus figures of this node: requests by route, the collaboration server (sockets,
 * loaded documents, writes waiting to be stored, the bus), the audit append rate and the
 * process. One registry per app, so several apps in one test process do not mix.
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
    const collab = (name: string, help: string, read: () => number) =>
      new Gauge({
        name,
        help,
        registers: [registry],
        collect() {
          this.set(read());
        },
      });
    collab(
      "runder_tisch_collab_connections",
      "Open document sockets",
      () => app.collab.stats().connections,
    );
    collab(
      "runder_tisch_collab_documents_loaded",
      "Conference documents in memory",
      () => app.collab.stats().documents,
    );
    collab(
      "runder_tisch_collab_pending_writes",
      "Document updates received and not yet stored",
      () => app.collab.stats().pendingWrites,
    );
    collab(
      "runder_tisch_bus_connected",
      "1 while the Redis bus reaches the other nodes (1 without a bus)",
      () => (app.collabBus?.isConnected?.() === false ? 0 : 1),
    );

    app.addHook("onResponse", async (request, reply) => {
      // Unmatched paths share one label: a scanner must not create a series per path.
      const route = request.routeOptions.url ?? "unmatched";
      if (route === "/metrics") return;
      requests.observe(
        { method: request.method, route, status: String(reply.statusCode) },
        reply.elapsedTime / 1000,
      );
    });
    app.decorate("metrics", { registry, auditAppended });

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
  { name: "metrics", dependencies: ["config"] },
);
