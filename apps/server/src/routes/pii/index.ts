import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { piiCheckRoutes } from "./pii-routes.ts";

/** The personal-data check the editors call while people type. */
export const piiFeature: FastifyPluginAsyncZod = async (app) => {
  await app.register(piiCheckRoutes);
};
