import {
  type TConferenceStatus,
  ZFinaliseConferenceRequest,
  ZFinaliseConferenceResponse,
  ZIdParams,
} from "@runder-tisch/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { listConferenceReviews } from "../../domain/actions/index.ts";
import { describeConferenceChange } from "../../domain/conferences/describe-conference-change.ts";
import { finaliseConference } from "../../domain/minutes/finalise-conference.ts";
import { loadMinutesMarks } from "../../domain/minutes/minutes-marks.ts";
import { checkMinutesText } from "../../domain/minutes/pii-check.ts";
import { presentMinutes } from "../../domain/minutes/present-minutes.ts";
import { forbidden } from "../../errors.ts";
import { refuse } from "../../guards/record-denial.ts";
import { requireConferenceAccess } from "../../guards/require-conference-access.ts";
import { loadConferenceParticipants } from "../../policies/conference-access.ts";
import { canFinaliseConference } from "../../policies/minutes-rules.ts";
import { errorResponses } from "../shared.ts";
import { describeFinalising } from "./describe-finalising.ts";

const conferenceTarget = (conference: { id: string; caseId: string }) =>
  ({ targetType: "conference", targetId: conference.id, caseId: conference.caseId }) as const;

/** Finalising: the one way a conference becomes "finalised" and its minutes frozen. */
export const finaliseRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/api/conferences/:id/finalise",
    {
      schema: {
        tags: ["minutes"],
        summary:
          "Finalise a concluded conference: freeze the document and store the minutes (coordinator of the owning agency)",
        params: ZIdParams,
        body: ZFinaliseConferenceRequest,
        response: { 201: ZFinaliseConferenceResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const context = await requireConferenceAccess(request, request.params.id, {
        ownerOnly: true,
      });
      const { actor, conference, caseRow, access, participants } = context;
      if (!canFinaliseConference(actor, access)) {
        const refusal = forbidden(
          "coordinator_only",
          "Only a coordinator of the owning agency can finalise the minutes",
        );
        throw await refuse(request, conferenceTarget(conference), refusal);
      }
      const announce = (status: TConferenceStatus) =>
        app.events.publish(
          describeConferenceChange(
            { ...conference, status },
            {
              ownerAgencyId: caseRow.ownerAgencyId,
              participantAgencyIds: participants.map((p) => p.agencyId),
            },
            actor.userId,
          ),
        );
      const { minutes, followUp } = await finaliseConference(
        {
          transact: (write) =>
            request.auditedWrite(write, (result) => describeFinalising(conference, result)),
          collab: app.collab,
          checkText: checkMinutesText,
          settleActions: () => app.actionProjection.settle(),
          // The access watch re-applies the policy, so editors get their rights back.
          unfreeze: () => announce(conference.status),
          reviewTexts: async () =>
            (await listConferenceReviews(app.db, conference.id)).map((review) => ({
              where: `reviews[${review.actionId}].note`,
              text: review.note,
            })),
        },
        { actor, conference, caseRow },
        request.body,
      );
      announce("finalised");
      if (followUp) {
        const invited = await loadConferenceParticipants(app.db, followUp.id);
        app.events.publish(
          describeConferenceChange(
            followUp,
            {
              ownerAgencyId: caseRow.ownerAgencyId,
              participantAgencyIds: invited.map((participant) => participant.agencyId),
            },
            actor.userId,
          ),
        );
      }
      const marks = (await loadMinutesMarks(app.db, [minutes])).get(minutes.id);
      return reply.status(201).send({
        conferenceId: conference.id,
        status: "finalised" as const,
        finalisedAt: minutes.finalisedAt.toISOString(),
        minutes: presentMinutes(minutes, marks),
        followUpConferenceId: followUp?.id ?? null,
      });
    },
  );
};
