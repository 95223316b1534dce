import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { collabTokenRoutes } from "./collab-token-routes.ts";

/**
 * Tokens to open a conference document's socket without a cookie. The socket
 * itself is served by the collaboration plugin.
 */
export const collabFeature: FastifyPluginAsyncZod = async (app) => {
  await app.register(collabTokenRoutes);
};
