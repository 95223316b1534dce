import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";

export const actionRoutes: FastifyPluginAsyncZod = async () => {};
