import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { caseRoutes } from "./case-routes.ts";
import { identityRoutes } from "./identity-routes.ts";

/** Cases: opening, listing, reading and changing them, and the identity behind a case code. */
export const casesFeature: FastifyPluginAsyncZod = async (app) => {
  await app.register(caseRoutes);
  await app.register(identityRoutes);
};
