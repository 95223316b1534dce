import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { conferenceCalendarRoutes } from "./conference-calendar-routes.ts";
import { feedRoutes } from "./feed-routes.ts";

/** Conferences in people's own calendars: one invitation, and a personal feed address. */
export const calendarFeature: FastifyPluginAsyncZod = async (app) => {
  await app.register(conferenceCalendarRoutes);
  await app.register(feedRoutes);
};
