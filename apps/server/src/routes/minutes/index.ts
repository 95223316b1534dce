import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { finaliseRoutes } from "./finalise-routes.ts";
import { minutesRoutes } from "./minutes-routes.ts";

/** Minutes (Protokolle): finalising a conference and reading the frozen versions as JSON, PDF, Markdown. */
export const minutesFeature: FastifyPluginAsyncZod = async (app) => {
  await app.register(finaliseRoutes);
  await app.register(minutesRoutes);
};
