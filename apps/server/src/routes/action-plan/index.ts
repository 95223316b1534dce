import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { actionPlanFileRoutes } from "./action-plan-file-routes.ts";
import { actionPlanRoutes } from "./action-plan-routes.ts";

/** The steering group's action plan (Handlungskonzept): versions, draft, files. */
export const actionPlanFeature: FastifyPluginAsyncZod = async (app) => {
  await app.register(actionPlanRoutes);
  await app.register(actionPlanFileRoutes);
};
