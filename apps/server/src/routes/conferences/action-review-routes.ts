import {
  ZActionReviewListResponse,
  ZIdParams,
  ZReviewActionRequest,
  ZReviewActionResponse,
} from "@runder-tisch/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  listConferenceReviews,
  loadPresentableAction,
  presentAction,
  reviewCarriedOverAction,
} from "../../domain/actions/index.ts";
import { forbidden, notFound } from "../../errors.ts";
import {
  guardPublishedTexts,
  overrideAuditDetail,
  storingOverride,
} from "../../guards/guard-published-text.ts";
import { auditingDenials, refuse } from "../../guards/record-denial.ts";
import { requireConferenceAccess } from "../../guards/require-conference-access.ts";
import { errorResponses } from "../shared.ts";

const ZReviewParams = ZIdParams.extend({ actionId: ZIdParams.shape.id });

/**
 * The review of actions carried over from earlier conferences, made in the room of
 * the next one and printed in its minutes.
 */
export const actionReviewRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/conferences/:id/action-reviews",
    {
      schema: {
        tags: ["conferences"],
        summary: "Reviews of carried-over actions made at this conference",
        params: ZIdParams,
        response: { 200: ZActionReviewListResponse, ...errorResponses },
      },
    },
    async (request) => {
      const { conference } = await requireConferenceAccess(request, request.params.id);
      const reviews = await listConferenceReviews(app.db, conference.id);
      await request.audit({
        action: "list",
        targetType: "conference",
        targetId: conference.id,
        caseId: conference.caseId,
        detail: { reviews: reviews.length },
      });
      return { reviews };
    },
  );

  app.put(
    "/api/conferences/:id/action-reviews/:actionId",
    {
      schema: {
        tags: ["conferences"],
        summary:
          "Review a carried-over action (editor of the conference that may change the action)",
        params: ZReviewParams,
        body: ZReviewActionRequest,
        response: {
          200: ZReviewActionResponse,
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { actor, conference, role } = await requireConferenceAccess(
        request,
        request.params.id,
        { editable: true },
      );
      const target = {
        targetType: "action",
        targetId: request.params.actionId,
        caseId: conference.caseId,
      } as const;
      if (role !== "editor") {
        const refusal = forbidden(
          "observer_cannot_review",
          "Observers follow the conference; they do not review actions",
        );
        throw await refuse(request, target, refusal);
      }
      const { notPersonalDataReason, ...review } = request.body;
      const override = guardPublishedTexts(
        [{ where: "note", text: review.note }],
        notPersonalDataReason,
      );
      const { review: recorded, write } = await auditingDenials(request, target, () =>
        request.auditedWrite(
          storingOverride(
            override,
            actor,
            (tx) => reviewCarriedOverAction(tx, actor, conference, request.params.actionId, review),
            (result) => ({
              caseId: conference.caseId,
              targetType: "action",
              targetId: result.review.actionId,
            }),
          ),
          (result) => ({
            action: "change",
            ...target,
            detail: {
              review: result.review.outcome,
              conferenceId: conference.id,
              fields: Object.keys(result.write.changes),
              ...overrideAuditDetail(override),
            },
          }),
        ),
      );
      if (write.event) app.events.publish(write.event);
      const row = await loadPresentableAction(app.db, recorded.actionId);
      if (!row) throw notFound("Action");
      const [presented] = await listConferenceReviews(app.db, conference.id, recorded.actionId);
      if (!presented) throw notFound("Action");
      return { review: presented, action: presentAction(row, actor.agencyId) };
    },
  );
};
