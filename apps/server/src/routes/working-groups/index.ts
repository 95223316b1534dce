import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { workingGroupRoutes } from "./group-routes.ts";
import { meetingRoutes } from "./meeting-routes.ts";
import { systemicActionRoutes } from "./systemic-action-routes.ts";

/** Working groups (AG): members, topics, meetings with a live document, systemic actions. */
export const workingGroupsFeature: FastifyPluginAsyncZod = async (app) => {
  await app.register(workingGroupRoutes);
  await app.register(meetingRoutes);
  await app.register(systemicActionRoutes);
};
