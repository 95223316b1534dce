import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { auditRoutes } from "./audit-routes.ts";

/** Reading the audit trail (coordinators, platform admin) and checking its hash chain. */
export const auditFeature: FastifyPluginAsyncZod = async (app) => {
  await app.register(auditRoutes);
};
