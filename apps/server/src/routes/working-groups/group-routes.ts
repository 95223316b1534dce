import {
  ZAddWorkingGroupMemberRequest,
  ZAssignTopicRequest,
  ZCreateWorkingGroupRequest,
  ZIdParams,
  ZUpdateWorkingGroupTopicRequest,
  ZWorkingGroupDetail,
  ZWorkingGroupList,
  ZWorkingGroupMemberParams,
  ZWorkingGroupTopicParams,
} from "@runder-tisch/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { assignTopicToGroup, updateGroupTopic } from "../../domain/working-groups/group-topics.ts";
import {
  addWorkingGroupMember,
  createWorkingGroup,
  findWorkingGroupDetail,
  listWorkingGroups,
  removeWorkingGroupMember,
} from "../../domain/working-groups/working-groups.ts";
import { guardPublishedTexts } from "../../guards/guard-published-text.ts";
import { auditingDenials } from "../../guards/record-denial.ts";
import { requireSteeringMember } from "../../guards/require-steering-member.ts";
import { requireWorkingGroup } from "../../guards/require-working-group.ts";
import { isSteeringMember } from "../../policies/steering-membership.ts";
import { requireActor } from "../../sessions/request-session.ts";
import { errorResponses } from "../shared.ts";

/**
 * Working groups: founded and staffed by the steering group, which also gives them
 * topics; their members keep each topic's progress and result. Texts are read across
 * agencies and pass the personal-data guard without override, as the steering group's do.
 */
export const workingGroupRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/working-groups",
    {
      schema: {
        tags: ["working-groups"],
        summary: "The working groups I belong to (the steering group sees all)",
        response: { 200: ZWorkingGroupList, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const steering = await isSteeringMember(app.db, actor.userId);
      const groups = await listWorkingGroups(app.db, actor.userId, steering);
      await request.audit({
        action: "list",
        targetType: "working_group",
        detail: { count: groups.length },
      });
      return { groups, canManage: steering };
    },
  );

  app.post(
    "/api/working-groups",
    {
      schema: {
        tags: ["working-groups"],
        summary: "Found a working group (steering group only)",
        body: ZCreateWorkingGroupRequest,
        response: { 201: ZWorkingGroupDetail, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = await requireSteeringMember(request, { targetType: "working_group" });
      guardPublishedTexts(
        [
          { where: "name", text: request.body.name },
          { where: "purpose", text: request.body.purpose ?? "" },
        ],
        undefined,
      );
      const row = await request.auditedWrite(
        (tx) => createWorkingGroup(tx, request.body, actor.userId),
        (group) => ({ action: "create", targetType: "working_group", targetId: group.id }),
      );
      const standing = { member: false, steering: true };
      return reply.status(201).send(await findWorkingGroupDetail(app.db, row.id, standing));
    },
  );

  app.get(
    "/api/working-groups/:id",
    {
      schema: {
        tags: ["working-groups"],
        summary: "A working group: members, topics, meetings and systemic actions",
        params: ZIdParams,
        response: { 200: ZWorkingGroupDetail, ...errorResponses },
      },
    },
    async (request) => {
      const { standing } = await requireWorkingGroup(request, request.params.id, "see");
      const detail = await findWorkingGroupDetail(app.db, request.params.id, standing);
      await request.audit({
        action: "view",
        targetType: "working_group",
        targetId: request.params.id,
      });
      return detail;
    },
  );

  app.post(
    "/api/working-groups/:id/members",
    {
      schema: {
        tags: ["working-groups"],
        summary: "Name a person of any agency to the group (steering group only)",
        params: ZIdParams,
        body: ZAddWorkingGroupMemberRequest,
        response: { 201: ZWorkingGroupDetail, ...errorResponses },
      },
    },
    async (request, reply) => {
      const target = { targetType: "working_group", targetId: request.params.id } as const;
      const { actor, standing } = await requireWorkingGroup(request, request.params.id, "steering");
      await auditingDenials(request, target, () =>
        request.auditedWrite(
          (tx) => addWorkingGroupMember(tx, request.params.id, request.body.userId, actor.userId),
          () => ({ action: "change", ...target, detail: { addedMember: request.body.userId } }),
        ),
      );
      return reply
        .status(201)
        .send(await findWorkingGroupDetail(app.db, target.targetId, standing));
    },
  );

  app.delete(
    "/api/working-groups/:id/members/:userId",
    {
      schema: {
        tags: ["working-groups"],
        summary: "Take a person out of the group (steering group only)",
        params: ZWorkingGroupMemberParams,
        response: { 200: ZWorkingGroupDetail, ...errorResponses },
      },
    },
    async (request) => {
      const { id, userId } = request.params;
      const target = { targetType: "working_group", targetId: id } as const;
      const { standing } = await requireWorkingGroup(request, id, "steering");
      await auditingDenials(request, target, () =>
        request.auditedWrite(
          (tx) => removeWorkingGroupMember(tx, id, userId),
          () => ({ action: "change", ...target, detail: { removedMember: userId } }),
        ),
      );
      // Open meeting documents of the person close by the access re-check (access_version).
      return findWorkingGroupDetail(app.db, id, standing);
    },
  );

  app.post(
    "/api/working-groups/:id/topics",
    {
      schema: {
        tags: ["working-groups"],
        summary: "Give a steering topic to the group (steering group only)",
        params: ZIdParams,
        body: ZAssignTopicRequest,
        response: { 201: ZWorkingGroupDetail, ...errorResponses },
      },
    },
    async (request, reply) => {
      const target = { targetType: "working_group", targetId: request.params.id } as const;
      const { standing } = await requireWorkingGroup(request, request.params.id, "steering");
      await auditingDenials(request, target, () =>
        request.auditedWrite(
          (tx) => assignTopicToGroup(tx, request.params.id, request.body.topicId),
          () => [
            { action: "change", ...target, detail: { assignedTopic: request.body.topicId } },
            {
              action: "change",
              targetType: "steering_topic",
              targetId: request.body.topicId,
              detail: { state: "working_group", workingGroupId: request.params.id },
            },
          ],
        ),
      );
      return reply
        .status(201)
        .send(await findWorkingGroupDetail(app.db, target.targetId, standing));
    },
  );

  app.put(
    "/api/working-groups/:id/topics/:topicId",
    {
      schema: {
        tags: ["working-groups"],
        summary: "Say how far the group got with a topic, and its result (members only)",
        params: ZWorkingGroupTopicParams,
        body: ZUpdateWorkingGroupTopicRequest,
        response: { 200: ZWorkingGroupDetail, ...errorResponses },
      },
    },
    async (request) => {
      const { id, topicId } = request.params;
      const target = { targetType: "steering_topic", targetId: topicId } as const;
      const { actor, standing } = await requireWorkingGroup(request, id, "member", target);
      if (request.body.result) {
        guardPublishedTexts([{ where: "result", text: request.body.result }], undefined);
      }
      await auditingDenials(request, target, () =>
        request.auditedWrite(
          (tx) => updateGroupTopic(tx, id, topicId, request.body, actor.userId),
          () => ({
            action: "change",
            ...target,
            detail: { workingGroupId: id, progress: request.body.progress },
          }),
        ),
      );
      return findWorkingGroupDetail(app.db, id, standing);
    },
  );
};
