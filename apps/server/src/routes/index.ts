import type { FastifyPluginAsync } from "fastify";
import { authRoutes } from "./auth/index.ts";
import { caseRoutes } from "./cases/index.ts";
import { healthRoutes } from "./health/index.ts";

/** Every feature of the API, registered in this order. */
export const featureRoutes: FastifyPluginAsync[] = [healthRoutes, authRoutes, caseRoutes];
