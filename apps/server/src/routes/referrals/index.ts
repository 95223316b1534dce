import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { caseReferralRoutes } from "./case-referral-routes.ts";
import { referralRoutes } from "./referral-routes.ts";

/** Asking another agency to join or take over a case, and its answer. */
export const referralsFeature: FastifyPluginAsyncZod = async (app) => {
  await app.register(caseReferralRoutes);
  await app.register(referralRoutes);
};
