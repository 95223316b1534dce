import {
  ZAction,
  ZActionListResponse,
  ZCreateActionRequest,
  ZIdParams,
} from "@runder-tisch/contracts";
import { schema } from "@runder-tisch/db";
import { eq } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  byDueDate,
  type CreateActionInput,
  createAction,
  loadPresentableAction,
  presentAction,
  selectPresentableActions,
} from "../../domain/actions/index.ts";
import {
  guardPublishedTexts,
  overrideAuditDetail,
  storingOverride,
} from "../../guards/guard-published-text.ts";
import { auditingDenials } from "../../guards/record-denial.ts";
import { requireCaseAccess } from "../../guards/require-case-access.ts";
import { requireActor } from "../../sessions/request-session.ts";
import { errorResponses } from "../shared.ts";

/** Listing a case's actions and creating them, from a conference or on the case itself. */
export const caseActionRoutes: FastifyPluginAsyncZod = async (app) => {
  const createAndPresent = async (
    request: FastifyRequest,
    target: { targetType: "case" | "conference"; targetId: string },
    { notPersonalDataReason, ...input }: CreateActionInput & { notPersonalDataReason?: string },
  ) => {
    const actor = requireActor(request);
    const override = guardPublishedTexts(
      [
        { where: "title", text: input.title },
        { where: "description", text: input.description ?? "" },
      ],
      notPersonalDataReason,
    );
    const { action, event } = await auditingDenials(request, target, () =>
      request.auditedWrite(
        storingOverride(
          override,
          actor,
          (tx) => createAction(tx, actor, input),
          ({ action }) => ({ caseId: action.caseId, targetType: "action", targetId: action.id }),
        ),
        (created) => ({
          action: "create",
          targetType: "action",
          targetId: created.action.id,
          caseId: created.action.caseId,
          detail: { conferenceId: created.action.conferenceId, ...overrideAuditDetail(override) },
        }),
      ),
    );
    if (event) app.events.publish(event);
    const row = await loadPresentableAction(app.db, action.id);
    if (!row) throw new Error("created action vanished");
    return presentAction(row, actor.agencyId);
  };

  app.get(
    "/api/cases/:id/actions",
    {
      schema: {
        tags: ["actions"],
        summary: "Actions of a case my agency may see, with whether I may change each",
        params: ZIdParams,
        response: { 200: ZActionListResponse, ...errorResponses },
      },
    },
    async (request) => {
      const { actor, caseRow } = await requireCaseAccess(request, request.params.id);
      const rows = await selectPresentableActions(app.db)
        .where(eq(schema.actions.caseId, caseRow.id))
        .orderBy(...byDueDate);
      await request.audit({
        action: "list",
        targetType: "action",
        caseId: caseRow.id,
        detail: { count: rows.length },
      });
      return { actions: rows.map((row) => presentAction(row, actor.agencyId)) };
    },
  );

  app.post(
    "/api/cases/:id/actions",
    {
      schema: {
        tags: ["actions"],
        summary: "Add an action outside a conference (owning agency only)",
        params: ZIdParams,
        body: ZCreateActionRequest,
        response: { 201: ZAction, ...errorResponses },
      },
    },
    async (request, reply) => {
      const target = { targetType: "case", targetId: request.params.id } as const;
      const created = await createAndPresent(request, target, {
        ...request.body,
        caseId: request.params.id,
      });
      return reply.status(201).send(created);
    },
  );

  app.post(
    "/api/conferences/:id/actions",
    {
      schema: {
        tags: ["actions"],
        summary: "Add an action agreed at a conference (owning agency or invited editors)",
        params: ZIdParams,
        body: ZCreateActionRequest,
        response: { 201: ZAction, ...errorResponses },
      },
    },
    async (request, reply) => {
      const target = { targetType: "conference", targetId: request.params.id } as const;
      const created = await createAndPresent(request, target, {
        ...request.body,
        conferenceId: request.params.id,
      });
      return reply.status(201).send(created);
    },
  );
};
