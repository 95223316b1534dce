import { ensureShippedPathwayTemplates } from "@runder-tisch/db/seed";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { checklistRoutes } from "./checklist-routes.ts";
import { cohortRoutes } from "./cohort-routes.ts";
import { templateRoutes } from "./template-routes.ts";

/**
 * Residence pathway checklists (docs/pathways.md): templates, a case's checklists and
 * the immigration office's cohort. The shipped templates are written on start.
 */
export const pathwaysFeature: FastifyPluginAsyncZod = async (app) => {
  app.addHook("onReady", async () => ensureShippedPathwayTemplates(app.db));
  await app.register(templateRoutes);
  await app.register(checklistRoutes);
  await app.register(cohortRoutes);
};
