import { ZHealthResponse, ZLivenessResponse } from "@runder-tisch/contracts";
import type { FastifyInstance } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";

function busState(app: FastifyInstance) {
  if (app.collabBus === null) return "none" as const;
  return app.collabBus.isConnected?.() === false
    ? ("disconnected" as const)
    : ("connected" as const);
}

/**
 * Liveness (restart the process if this fails) apart from readiness (send requests here
 * only while this answers 200): a node whose database is gone is alive but not ready, and
 * restarting it would not help. While the node stops, Fastify answers 503 to new requests,
 * so a load balancer drains it.
 */
export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  const readiness = {
    schema: {
      tags: ["health"],
      summary: "Ready for requests: the database answers (the bus state is reported, not required)",
      security: [],
      response: { 200: ZHealthResponse, 503: ZHealthResponse },
    },
  };
  const ready = async () => {
    const reachable = await app.database.ping();
    return {
      code: reachable ? (200 as const) : (503 as const),
      body: {
        status: reachable ? ("ok" as const) : ("degraded" as const),
        database: reachable ? ("reachable" as const) : ("unreachable" as const),
        bus: busState(app),
        time: new Date().toISOString(),
      },
    };
  };
  for (const url of ["/api/health", "/api/health/ready"]) {
    app.get(url, readiness, async (_request, reply) => {
      const { code, body } = await ready();
      return reply.status(code).send(body);
    });
  }

  app.get(
    "/api/health/live",
    {
      schema: {
        tags: ["health"],
        summary: "Alive: the process answers (the database is not asked)",
        security: [],
        response: { 200: ZLivenessResponse },
      },
    },
    async () => ({ status: "ok" as const }),
  );
};
