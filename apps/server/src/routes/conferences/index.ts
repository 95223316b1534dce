import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { actionReviewRoutes } from "./action-review-routes.ts";
import { agendaRoutes } from "./agenda-routes.ts";
import { attendanceRoutes } from "./attendance-routes.ts";
import { caseConferenceRoutes } from "./case-conference-routes.ts";
import { conferenceItemRoutes } from "./conference-routes.ts";

/** Case conferences (Fallkonferenzen): scheduling, invitations, lifecycle, upcoming list. */
export const conferencesFeature: FastifyPluginAsyncZod = async (app) => {
  await app.register(caseConferenceRoutes);
  await app.register(conferenceItemRoutes);
  await app.register(actionReviewRoutes);
  await app.register(attendanceRoutes);
  await app.register(agendaRoutes);
};
