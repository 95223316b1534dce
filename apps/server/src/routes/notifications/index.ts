import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { notificationRoutes } from "./notification-routes.ts";
import { reminderJob } from "./reminder-job.ts";

/** The notification centre: what a person is told about, and the reminders job. */
export const notificationsFeature: FastifyPluginAsyncZod = async (app) => {
  await app.register(notificationRoutes);
  await app.register(reminderJob);
};
