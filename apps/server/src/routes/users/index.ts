import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { userRoutes } from "./user-routes.ts";

/** People of the agencies: listing, adding, changing, disabling (coordinators and the platform admin). */
export const usersFeature: FastifyPluginAsyncZod = async (app) => {
  await app.register(userRoutes);
};
