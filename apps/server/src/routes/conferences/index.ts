import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";

export const conferenceRoutes: FastifyPluginAsyncZod = async () => {};
