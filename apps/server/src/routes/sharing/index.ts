import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";

export const sharingRoutes: FastifyPluginAsyncZod = async () => {};
