import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { disputeRoutes } from "./dispute-routes.ts";
import { retentionRoutes } from "./retention-routes.ts";

/** Retention and restriction: dispute marks (Art. 18 GDPR) and the deletion job's admin view. */
export const retentionFeature: FastifyPluginAsyncZod = async (app) => {
  await app.register(disputeRoutes);
  await app.register(retentionRoutes);
};
