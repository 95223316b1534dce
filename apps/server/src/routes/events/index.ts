import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { eventStreamRoutes } from "./event-stream-routes.ts";

/** The live event stream that keeps inboxes and case pages current. */
export const eventsFeature: FastifyPluginAsyncZod = async (app) => {
  await app.register(eventStreamRoutes);
};
