import {
  ZActionComment,
  ZActionCommentListResponse,
  ZActionHistoryResponse,
  ZCreateCommentRequest,
  ZIdParams,
  ZOkResponse,
} from "@runder-tisch/contracts";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  commentOnAction,
  findAccessibleAction,
  withdrawComment,
} from "../../domain/actions/index.ts";
import { notFound } from "../../errors.ts";
import {
  guardPublishedTexts,
  overrideAuditDetail,
  storingOverride,
} from "../../guards/guard-published-text.ts";
import { auditingDenials } from "../../guards/record-denial.ts";
import { requireActor } from "../../sessions/request-session.ts";
import { errorResponses } from "../shared.ts";
import { listActionComments, listActionHistory } from "./list-discussion.ts";

/** Comments and change history: open to every agency that can see the case. */
export const discussionRoutes: FastifyPluginAsyncZod = async (app) => {
  const requireVisibleAction = async (request: FastifyRequest, actionId: string) => {
    const actor = requireActor(request);
    return auditingDenials(request, { targetType: "action", targetId: actionId }, async () => {
      const found = await findAccessibleAction(app.db, actor.agencyId, actionId);
      if (!found) throw notFound("Action");
      return found.action;
    });
  };

  app.get(
    "/api/actions/:id/comments",
    {
      schema: {
        tags: ["actions"],
        summary: "Comments on an action, oldest first",
        params: ZIdParams,
        response: { 200: ZActionCommentListResponse, ...errorResponses },
      },
    },
    async (request) => {
      const action = await requireVisibleAction(request, request.params.id);
      const comments = await listActionComments(app.db, action.id);
      await request.audit({
        action: "view",
        targetType: "action",
        targetId: action.id,
        caseId: action.caseId,
        detail: { part: "comments", count: comments.length },
      });
      return { comments };
    },
  );

  app.post(
    "/api/actions/:id/comments",
    {
      schema: {
        tags: ["actions"],
        summary: "Comment on an action (every agency that can see the case)",
        params: ZIdParams,
        body: ZCreateCommentRequest,
        response: { 201: ZActionComment, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const target = { targetType: "action", targetId: request.params.id } as const;
      const override = guardPublishedTexts(
        [{ where: "body", text: request.body.body }],
        request.body.notPersonalDataReason,
      );
      const { comment, event } = await auditingDenials(request, target, () =>
        request.auditedWrite(
          storingOverride(
            override,
            actor,
            (tx) =>
              commentOnAction(tx, actor, {
                actionId: request.params.id,
                body: request.body.body,
                mentionedUserIds: request.body.mentionedUserIds,
              }),
            ({ action, comment }) => ({
              caseId: action.caseId,
              targetType: "action_comment",
              targetId: comment.id,
            }),
          ),
          (result) => ({
            action: "create",
            ...target,
            caseId: result.action.caseId,
            detail: {
              commentId: result.comment.id,
              ...(request.body.mentionedUserIds?.length
                ? { mentionedUserIds: request.body.mentionedUserIds }
                : {}),
              ...overrideAuditDetail(override),
            },
          }),
        ),
      );
      if (event) app.events.publish(event);
      return reply.status(201).send({
        id: comment.id,
        actionId: comment.actionId,
        author: { id: actor.userId, displayName: actor.displayName },
        agency: { id: actor.agencyId, name: actor.agencyName },
        body: comment.body,
        createdAt: comment.createdAt.toISOString(),
        withdrawnAt: null,
      });
    },
  );

  app.post(
    "/api/action-comments/:id/withdraw",
    {
      schema: {
        tags: ["actions"],
        summary: "Take back one's own comment: its text is removed for everyone (author only)",
        params: ZIdParams,
        response: { 200: ZOkResponse, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const target = { targetType: "action_comment", targetId: request.params.id } as const;
      const { event } = await auditingDenials(request, target, () =>
        request.auditedWrite(
          (tx) => withdrawComment(tx, actor, request.params.id),
          (result) => ({
            action: "change",
            ...target,
            caseId: result.action.caseId,
            detail: { withdrawn: true, actionId: result.action.id },
          }),
        ),
      );
      if (event) app.events.publish(event);
      return { ok: true as const };
    },
  );

  app.get(
    "/api/actions/:id/history",
    {
      schema: {
        tags: ["actions"],
        summary: "Who changed what on an action, and when",
        params: ZIdParams,
        response: { 200: ZActionHistoryResponse, ...errorResponses },
      },
    },
    async (request) => {
      const action = await requireVisibleAction(request, request.params.id);
      const events = await listActionHistory(app.db, action.id);
      await request.audit({
        action: "view",
        targetType: "action",
        targetId: action.id,
        caseId: action.caseId,
        detail: { part: "history", count: events.length },
      });
      return { events };
    },
  );
};
