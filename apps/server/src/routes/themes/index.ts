import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { themeRoutes } from "./theme-routes.ts";

/** The theme catalogue of the Kreis: read by everyone, changed by the platform admin. */
export const themesFeature: FastifyPluginAsyncZod = async (app) => {
  await app.register(themeRoutes);
};
