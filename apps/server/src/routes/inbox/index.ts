import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { inboxRoutes } from "./inbox-routes.ts";

/** The per-agency (or per-person) task list across all cases the agency can see. */
export const inboxFeature: FastifyPluginAsyncZod = async (app) => {
  await app.register(inboxRoutes);
};
