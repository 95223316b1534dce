import type { FastifyPluginAsync } from "fastify";
import { actionRoutes } from "./actions/index.ts";
import { agencyRoutes } from "./agencies/index.ts";
import { auditRoutes } from "./audit/index.ts";
import { authRoutes } from "./auth/index.ts";
import { caseRoutes } from "./cases/index.ts";
import { collabRoutes } from "./collab/index.ts";
import { conferenceRoutes } from "./conferences/index.ts";
import { eventRoutes } from "./events/index.ts";
import { exportRoutes } from "./exports/index.ts";
import { healthRoutes } from "./health/index.ts";
import { inboxRoutes } from "./inbox/index.ts";
import { minutesFeatureRoutes } from "./minutes/index.ts";
import { piiRoutes } from "./pii/index.ts";
import { retentionFeatureRoutes } from "./retention/index.ts";
import { sharingRoutes } from "./sharing/index.ts";
import { userRoutes } from "./users/index.ts";

/** Every feature of the API, registered in this order. */
export const featureRoutes: FastifyPluginAsync[] = [
  healthRoutes,
  authRoutes,
  agencyRoutes,
  userRoutes,
  caseRoutes,
  sharingRoutes,
  conferenceRoutes,
  minutesFeatureRoutes,
  exportRoutes,
  retentionFeatureRoutes,
  collabRoutes,
  actionRoutes,
  inboxRoutes,
  auditRoutes,
  eventRoutes,
  piiRoutes,
];
