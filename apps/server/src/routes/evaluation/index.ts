import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { evaluationRoutes } from "./evaluation-routes.ts";

/** The steering group's evaluation with small-count protection (docs/evaluation.md). */
export const evaluationFeature: FastifyPluginAsyncZod = async (app) => {
  await app.register(evaluationRoutes);
};
