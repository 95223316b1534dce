import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { caseExportRoutes } from "./export-routes.ts";

/** Subject access (GDPR Art. 15): everything stored about one case, for the owning agency. */
export const exportsFeature: FastifyPluginAsyncZod = async (app) => {
  await app.register(caseExportRoutes);
};
