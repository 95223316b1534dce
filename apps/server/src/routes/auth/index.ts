import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { sessionRoutes } from "./session-routes.ts";

/** Signing in and out, and who is signed in. */
export const authFeature: FastifyPluginAsyncZod = async (app) => {
  await app.register(sessionRoutes);
};
