import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { goalAgreementRoutes } from "./goal-agreement-routes.ts";
import { transparencySheetRoutes } from "./transparency-sheet-routes.ts";

/**
 * Documents for the person concerned, in their language: the goal agreement
 * of a conference and the transparency sheet of a case.
 */
export const clientDocumentsFeature: FastifyPluginAsyncZod = async (app) => {
  await app.register(goalAgreementRoutes);
  await app.register(transparencySheetRoutes);
};
