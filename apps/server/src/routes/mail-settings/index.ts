import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { mailSettingsRoutes } from "./mail-settings-routes.ts";

/** Mail: a person's settings for notifications by mail, and the outbox's state for the admin. */
export const mailSettingsFeature: FastifyPluginAsyncZod = async (app) => {
  await app.register(mailSettingsRoutes);
};
