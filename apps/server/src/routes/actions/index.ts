import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { actionItemRoutes } from "./action-item-routes.ts";
import { caseActionRoutes } from "./case-action-routes.ts";
import { discussionRoutes } from "./discussion-routes.ts";

/** Action items (Maßnahmen): creation, changes, comments and history. The inbox lives in routes/inbox. */
export const actionsFeature: FastifyPluginAsyncZod = async (app) => {
  await app.register(caseActionRoutes);
  await app.register(actionItemRoutes);
  await app.register(discussionRoutes);
};
