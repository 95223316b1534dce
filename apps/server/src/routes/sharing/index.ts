import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { secrecyReleaseRoutes } from "./secrecy-release-routes.ts";
import { sharingBasisRoutes } from "./sharing-basis-routes.ts";

/** Who may receive a case (sharing bases) and whose staff may speak about it (secrecy releases). */
export const sharingFeature: FastifyPluginAsyncZod = async (app) => {
  await app.register(sharingBasisRoutes);
  await app.register(secrecyReleaseRoutes);
};
