import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { internalNoteRoutes } from "./internal-note-routes.ts";

/** Notes an agency keeps on a case for itself alone. */
export const internalNotesFeature: FastifyPluginAsyncZod = async (app) => {
  await app.register(internalNoteRoutes);
};
