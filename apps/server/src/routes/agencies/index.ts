import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";

export const agencyRoutes: FastifyPluginAsyncZod = async () => {};
