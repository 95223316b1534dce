import {
  ZCreateWorkingGroupMeetingRequest,
  ZIdParams,
  ZWorkingGroupMeeting,
  ZWorkingGroupMeetingDetail,
} from "@runder-tisch/contracts";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  closeGroupMeeting,
  createGroupMeeting,
  findMeetingRow,
  presentMeeting,
} from "../../domain/working-groups/group-meetings.ts";
import { findWorkingGroupRow } from "../../domain/working-groups/working-groups.ts";
import { notFound } from "../../errors.ts";
import { guardPublishedTexts } from "../../guards/guard-published-text.ts";
import { refuse } from "../../guards/record-denial.ts";
import { requireWorkingGroup } from "../../guards/require-working-group.ts";
import { requireActor } from "../../sessions/request-session.ts";
import { errorResponses } from "../shared.ts";

/** The meeting and its group, for its members only; anyone else learns nothing of it. */
async function requireMeetingOfMember(request: FastifyRequest, meetingId: string) {
  const target = { targetType: "working_group_meeting", targetId: meetingId } as const;
  const meeting = await findMeetingRow(request.server.db, meetingId);
  if (!meeting) {
    requireActor(request);
    throw await refuse(request, target, notFound("Meeting"));
  }
  await requireWorkingGroup(request, meeting.workingGroupId, "member", target);
  return { meeting, target };
}

/**
 * A working group's meetings. Each has a live document (served by the collaboration
 * plugin at /api/collab/working-group-meetings/:id) that the members edit together
 * while the meeting is open; closing it checks and keeps the notes.
 */
export const meetingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/api/working-groups/:id/meetings",
    {
      schema: {
        tags: ["working-groups"],
        summary: "Plan a meeting of the group (members only)",
        params: ZIdParams,
        body: ZCreateWorkingGroupMeetingRequest,
        response: { 201: ZWorkingGroupMeeting, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { actor } = await requireWorkingGroup(request, request.params.id, "member");
      guardPublishedTexts([{ where: "title", text: request.body.title }], undefined);
      const row = await request.auditedWrite(
        (tx) => createGroupMeeting(tx, request.params.id, request.body, actor.userId),
        (meeting) => ({
          action: "create",
          targetType: "working_group_meeting",
          targetId: meeting.id,
          detail: { workingGroupId: request.params.id },
        }),
      );
      return reply.status(201).send(presentMeeting(row));
    },
  );

  app.get(
    "/api/working-group-meetings/:id",
    {
      schema: {
        tags: ["working-groups"],
        summary: "A meeting of a working group, for its room (members only)",
        params: ZIdParams,
        response: { 200: ZWorkingGroupMeetingDetail, ...errorResponses },
      },
    },
    async (request) => {
      const { meeting, target } = await requireMeetingOfMember(request, request.params.id);
      const group = await findWorkingGroupRow(app.db, meeting.workingGroupId);
      await request.audit({ action: "view", ...target });
      return { ...presentMeeting(meeting), workingGroupName: group?.name ?? "" };
    },
  );

  app.post(
    "/api/working-group-meetings/:id/close",
    {
      schema: {
        tags: ["working-groups"],
        summary: "Close a meeting: its notes are checked for personal data and kept",
        params: ZIdParams,
        response: { 200: ZWorkingGroupMeeting, ...errorResponses },
      },
    },
    async (request) => {
      const { meeting, target } = await requireMeetingOfMember(request, request.params.id);
      const closed = await closeGroupMeeting(
        {
          collab: app.collab,
          transact: (write) =>
            request.auditedWrite(write, () => ({
              action: "change",
              ...target,
              detail: { state: "closed" },
            })),
        },
        meeting,
      );
      return presentMeeting(closed);
    },
  );
};
