import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { steeringMemberRoutes } from "./member-routes.ts";
import { steeringRoutes } from "./steering-routes.ts";

/** The steering group (Lenkungsgruppe): its members, the obstacle themes, its topics. */
export const steeringFeature: FastifyPluginAsyncZod = async (app) => {
  await app.register(steeringMemberRoutes);
  await app.register(steeringRoutes);
};
