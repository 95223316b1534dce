import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { agencyRoutes } from "./agency-routes.ts";

/** Agencies of the Kreis: the list everyone picks from, and their administration. */
export const agenciesFeature: FastifyPluginAsyncZod = async (app) => {
  await app.register(agencyRoutes);
};
