import {
  ZFinaliseConferenceRequest,
  ZFinaliseConferenceResponse,
  ZIdParams,
} from "@runder-tisch/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { finaliseConference } from "../../domain/minutes/finalise-conference.ts";
import { loadMinutesMarks } from "../../domain/minutes/minutes-marks.ts";
import { checkMinutesText } from "../../domain/minutes/pii-check.ts";
import { presentMinutes } from "../../domain/minutes/present-minutes.ts";
import { forbidden } from "../../errors.ts";
import type { DomainEvent } from "../../events/domain-events.ts";
import { refuse } from "../../guards/record-denial.ts";
import { requireConferenceAccess } from "../../guards/require-conference-access.ts";
import { canFinaliseConference } from "../../policies/minutes-rules.ts";
import { errorResponses } from "../shared.ts";

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
      const { actor, conference, caseRow, access, participants } = await requireConferenceAccess(
        request,
        request.params.id,
        { ownerOnly: true },
      );
      if (!canFinaliseConference(actor, access)) {
        const target = {
          targetType: "conference",
          targetId: conference.id,
          caseId: caseRow.id,
        } as const;
        throw await refuse(
          request,
          target,
          forbidden(
            "coordinator_only",
            "Only a coordinator of the owning agency can finalise the minutes",
          ),
        );
      }
      const changed = (status: string): DomainEvent => ({
        kind: "conference.changed",
        conferenceId: conference.id,
        caseId: caseRow.id,
        status,
        participantAgencyIds: [
          ...new Set([caseRow.ownerAgencyId, ...participants.map((p) => p.agencyId)]),
        ],
        actorUserId: actor.userId,
      });
      const result = await finaliseConference(
        {
          transact: (write) =>
            request.auditedWrite(write, ({ minutes, findings }) => [
              {
                action: "change",
                targetType: "conference",
                targetId: conference.id,
                caseId: caseRow.id,
                detail: { status: { from: conference.status, to: "finalised" } },
              },
              // The reason itself stays in the minutes: the audit trail keeps no free text about the person.
              {
                action: "create",
                targetType: "minutes",
                targetId: minutes.id,
                caseId: caseRow.id,
                detail: {
                  conferenceId: conference.id,
                  version: minutes.version,
                  hash: minutes.contentHash,
                  ...(findings.length > 0
                    ? {
                        piiGuardOverridden: true,
                        findingCount: findings.length,
                        findingKinds: [...new Set(findings.map((finding) => finding.kind))].sort(),
                      }
                    : {}),
                },
              },
            ]),
          collab: app.collab,
          checkText: checkMinutesText,
          settleActions: () => app.actionProjection.settle(),
          // The access watch re-applies the policy, so editors get their rights back.
          unfreeze: () => app.events.publish(changed(conference.status)),
        },
        { actor, conference, caseRow },
        request.body,
      );
      const { minutes } = result;
      app.events.publish(changed("finalised"));
      const marks = (await loadMinutesMarks(app.db, [minutes])).get(minutes.id);
      return reply.status(201).send({
        conferenceId: conference.id,
        status: "finalised" as const,
        finalisedAt: minutes.finalisedAt.toISOString(),
        minutes: presentMinutes(minutes, marks),
      });
    },
  );
};
