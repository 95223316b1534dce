import {
  ZAddSteeringMemberRequest,
  ZOkResponse,
  ZSteeringMemberList,
  ZSteeringMemberParams,
  ZSteeringMembership,
} from "@runder-tisch/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  addSteeringMember,
  listSteeringMembers,
  removeSteeringMember,
} from "../../domain/steering/steering-members.ts";
import { auditingDenials } from "../../guards/record-denial.ts";
import { requirePermission } from "../../guards/require-permission.ts";
import { isPlatformAdmin } from "../../policies/administration.ts";
import { isSteeringMember } from "../../policies/steering-membership.ts";
import { belongsToAnyWorkingGroup } from "../../policies/working-group-access.ts";
import { requireActor } from "../../sessions/request-session.ts";
import { errorResponses } from "../shared.ts";

/** Who belongs to the steering group: named and removed by the platform admin only. */
export const steeringMemberRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/steering/membership",
    {
      schema: {
        tags: ["steering"],
        summary: "Whether I belong to the steering group (to show its page)",
        response: { 200: ZSteeringMembership, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const [member, workingGroups] = await Promise.all([
        isSteeringMember(app.db, actor.userId),
        belongsToAnyWorkingGroup(app.db, actor.userId),
      ]);
      return { member, workingGroups };
    },
  );

  app.get(
    "/api/steering/members",
    {
      schema: {
        tags: ["steering"],
        summary: "Members of the steering group (platform admin only)",
        response: { 200: ZSteeringMemberList, ...errorResponses },
      },
    },
    async (request) => {
      await requirePermission(request, isPlatformAdmin, { targetType: "steering_group" });
      const members = await listSteeringMembers(app.db);
      await request.audit({
        action: "list",
        targetType: "steering_group",
        detail: { count: members.length },
      });
      return { members };
    },
  );

  app.post(
    "/api/steering/members",
    {
      schema: {
        tags: ["steering"],
        summary: "Name a person of any agency to the steering group (platform admin only)",
        body: ZAddSteeringMemberRequest,
        response: { 201: ZSteeringMemberList, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = await requirePermission(request, isPlatformAdmin, {
        targetType: "steering_group",
      });
      const { userId } = request.body;
      await request.auditedWrite(
        (tx) => addSteeringMember(tx, userId, actor.userId),
        () => ({ action: "create", targetType: "steering_group", targetId: userId }),
      );
      return reply.status(201).send({ members: await listSteeringMembers(app.db) });
    },
  );

  app.delete(
    "/api/steering/members/:userId",
    {
      schema: {
        tags: ["steering"],
        summary: "Take a person off the steering group (platform admin only)",
        params: ZSteeringMemberParams,
        response: { 200: ZOkResponse, ...errorResponses },
      },
    },
    async (request) => {
      const { userId } = request.params;
      const target = { targetType: "steering_group", targetId: userId } as const;
      await requirePermission(request, isPlatformAdmin, target);
      await auditingDenials(request, target, () =>
        request.auditedWrite(
          (tx) => removeSteeringMember(tx, userId),
          () => ({ action: "delete", ...target }),
        ),
      );
      return { ok: true as const };
    },
  );
};
