import { ZAction, ZIdParams, ZUpdateActionRequest } from "@runder-tisch/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  findAccessibleAction,
  loadPresentableAction,
  presentAction,
  updateAction,
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

/** Reading and changing one action. */
export const actionItemRoutes: FastifyPluginAsyncZod = async (app) => {
  const present = async (actionId: string, agencyId: string) => {
    const row = await loadPresentableAction(app.db, actionId);
    if (!row) throw notFound("Action");
    return presentAction(row, agencyId);
  };

  app.get(
    "/api/actions/:id",
    {
      schema: {
        tags: ["actions"],
        summary: "One action of a case my agency may see",
        params: ZIdParams,
        response: { 200: ZAction, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const target = { targetType: "action", targetId: request.params.id } as const;
      const found = await auditingDenials(request, target, async () => {
        const accessible = await findAccessibleAction(app.db, actor.agencyId, request.params.id);
        if (!accessible) throw notFound("Action");
        return accessible;
      });
      await request.audit({ action: "view", ...target, caseId: found.action.caseId });
      return present(found.action.id, actor.agencyId);
    },
  );

  app.patch(
    "/api/actions/:id",
    {
      schema: {
        tags: ["actions"],
        summary: "Change an action (responsible or owning agency); send expectedVersion",
        params: ZIdParams,
        body: ZUpdateActionRequest,
        response: { 200: ZAction, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const target = { targetType: "action", targetId: request.params.id } as const;
      const { notPersonalDataReason, ...change } = request.body;
      const override = guardPublishedTexts(
        [
          { where: "title", text: change.title ?? "" },
          { where: "description", text: change.description ?? "" },
        ],
        notPersonalDataReason,
      );
      const { action, event } = await auditingDenials(request, target, () =>
        request.auditedWrite(
          storingOverride(
            override,
            actor,
            (tx) => updateAction(tx, actor, { ...change, actionId: request.params.id }),
            ({ action }) => ({ caseId: action.caseId, targetType: "action", targetId: action.id }),
          ),
          (result) => ({
            action: "change",
            ...target,
            caseId: result.action.caseId,
            detail: {
              fields: Object.keys(result.changes),
              version: result.action.version,
              ...overrideAuditDetail(override),
            },
          }),
        ),
      );
      if (event) app.events.publish(event);
      return present(action.id, actor.agencyId);
    },
  );
};
