import type { FastifyPluginAsync } from "fastify";
import { actionPlanFeature } from "./action-plan/index.ts";
import { actionsFeature } from "./actions/index.ts";
import { agenciesFeature } from "./agencies/index.ts";
import { auditFeature } from "./audit/index.ts";
import { authFeature } from "./auth/index.ts";
import { calendarFeature } from "./calendar/index.ts";
import { casesFeature } from "./cases/index.ts";
import { clientDocumentsFeature } from "./client-documents/index.ts";
import { collabFeature } from "./collab/index.ts";
import { conferencesFeature } from "./conferences/index.ts";
import { evaluationFeature } from "./evaluation/index.ts";
import { eventsFeature } from "./events/index.ts";
import { exportsFeature } from "./exports/index.ts";
import { healthFeature } from "./health/index.ts";
import { inboxFeature } from "./inbox/index.ts";
import { internalNotesFeature } from "./internal-notes/index.ts";
import { mailSettingsFeature } from "./mail-settings/index.ts";
import { minutesFeature } from "./minutes/index.ts";
import { notificationsFeature } from "./notifications/index.ts";
import { pathwaysFeature } from "./pathways/index.ts";
import { piiFeature } from "./pii/index.ts";
import { referralsFeature } from "./referrals/index.ts";
import { retentionFeature } from "./retention/index.ts";
import { sharingFeature } from "./sharing/index.ts";
import { steeringFeature } from "./steering/index.ts";
import { themesFeature } from "./themes/index.ts";
import { usersFeature } from "./users/index.ts";
import { workingGroupsFeature } from "./working-groups/index.ts";

/** Every feature of the API, registered in this order. */
export const features: FastifyPluginAsync[] = [
  healthFeature,
  authFeature,
  agenciesFeature,
  usersFeature,
  casesFeature,
  sharingFeature,
  referralsFeature,
  internalNotesFeature,
  conferencesFeature,
  calendarFeature,
  minutesFeature,
  clientDocumentsFeature,
  exportsFeature,
  retentionFeature,
  collabFeature,
  actionsFeature,
  inboxFeature,
  mailSettingsFeature,
  notificationsFeature,
  pathwaysFeature,
  steeringFeature,
  workingGroupsFeature,
  actionPlanFeature,
  themesFeature,
  auditFeature,
  evaluationFeature,
  eventsFeature,
  piiFeature,
];
