import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { healthRoutes } from "./health-routes.ts";

/** Whether the server and its database answer, for load balancers and monitoring. */
export const healthFeature: FastifyPluginAsyncZod = async (app) => {
  await app.register(healthRoutes);
};
