import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { oidcRoutes } from "./oidc-routes.ts";
import { providerAdminRoutes } from "./provider-admin-routes.ts";
import { secondFactorRoutes } from "./second-factor-routes.ts";
import { sessionRoutes } from "./session-routes.ts";

/** Signing in and out (password with second factor, or an identity provider), and who is signed in. */
export const authFeature: FastifyPluginAsyncZod = async (app) => {
  await app.register(sessionRoutes);
  await app.register(oidcRoutes);
  await app.register(secondFactorRoutes);
  await app.register(providerAdminRoutes);
};
