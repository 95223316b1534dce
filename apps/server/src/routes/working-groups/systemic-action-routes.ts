import {
  ZCreateSystemicActionRequest,
  ZIdParams,
  ZSetSystemicActionStatusRequest,
  ZSystemicAction,
  ZSystemicInbox,
} from "@runder-tisch/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  createSystemicAction,
  findSystemicAction,
  findSystemicActionRow,
  listSystemicActions,
  setSystemicActionStatus,
} from "../../domain/working-groups/systemic-actions.ts";
import { workingGroupMemberIds } from "../../domain/working-groups/working-groups.ts";
import { notFound } from "../../errors.ts";
import { guardPublishedTexts } from "../../guards/guard-published-text.ts";
import { refuse } from "../../guards/record-denial.ts";
import { requireWorkingGroup } from "../../guards/require-working-group.ts";
import {
  mayKeepSystemicAction,
  workingGroupStanding,
} from "../../policies/working-group-access.ts";
import { requireActor } from "../../sessions/request-session.ts";
import { errorResponses } from "../shared.ts";

/**
 * Systemic actions: what a working group asks of an agency. They appear in that
 * agency's inbox beside its case actions; the agency and the group keep their status.
 */
export const systemicActionRoutes: FastifyPluginAsyncZod = async (app) => {
  /** The owning agency's open pages and the group's members refetch (nothing else is sent). */
  async function announce(workingGroupId: string, ownerAgencyId: string) {
    app.events.publish({
      kind: "systemic_action.changed",
      agencyIds: [ownerAgencyId],
      userIds: await workingGroupMemberIds(app.db, workingGroupId),
    });
  }

  app.post(
    "/api/working-groups/:id/actions",
    {
      schema: {
        tags: ["working-groups"],
        summary: "Give an agency a systemic action (members only)",
        params: ZIdParams,
        body: ZCreateSystemicActionRequest,
        response: { 201: ZSystemicAction, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { actor } = await requireWorkingGroup(request, request.params.id, "member");
      guardPublishedTexts([{ where: "text", text: request.body.text }], undefined);
      const row = await request.auditedWrite(
        (tx) => createSystemicAction(tx, request.params.id, request.body, actor.userId),
        (action) => ({
          action: "create",
          targetType: "systemic_action",
          targetId: action.id,
          detail: { workingGroupId: action.workingGroupId, ownerAgencyId: action.ownerAgencyId },
        }),
      );
      await announce(row.workingGroupId, row.ownerAgencyId);
      return reply.status(201).send(await findSystemicAction(app.db, row.id));
    },
  );

  app.put(
    "/api/systemic-actions/:id/status",
    {
      schema: {
        tags: ["working-groups"],
        summary: "Set a systemic action's status (owning agency or group members)",
        params: ZIdParams,
        body: ZSetSystemicActionStatusRequest,
        response: { 200: ZSystemicAction, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const target = { targetType: "systemic_action", targetId: request.params.id } as const;
      const row = await findSystemicActionRow(app.db, request.params.id);
      const standing = row
        ? await workingGroupStanding(app.db, actor.userId, row.workingGroupId)
        : null;
      if (
        !row ||
        !standing ||
        !mayKeepSystemicAction(standing, actor.agencyId, row.ownerAgencyId)
      ) {
        throw await refuse(request, target, notFound("Action"));
      }
      await request.auditedWrite(
        (tx) => setSystemicActionStatus(tx, row.id, request.body.status, actor.userId),
        () => ({ action: "change", ...target, detail: { status: request.body.status } }),
      );
      await announce(row.workingGroupId, row.ownerAgencyId);
      return findSystemicAction(app.db, row.id);
    },
  );

  app.get(
    "/api/inbox/systemic-actions",
    {
      schema: {
        tags: ["inbox"],
        summary: "My agency's systemic actions from working groups",
        response: { 200: ZSystemicInbox, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const actions = await listSystemicActions(app.db, { ownerAgencyId: actor.agencyId });
      await request.audit({
        action: "list",
        targetType: "systemic_action",
        detail: { count: actions.length },
      });
      return { actions };
    },
  );
};
