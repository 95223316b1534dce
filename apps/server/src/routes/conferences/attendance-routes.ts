import {
  ZAttendance,
  ZAttendanceListResponse,
  ZIdParams,
  ZRecordAttendanceRequest,
} from "@runder-tisch/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { listAttendance, recordAttendance } from "../../domain/conferences/attendance.ts";
import { requireConferenceAccess } from "../../guards/require-conference-access.ts";
import { errorResponses } from "../shared.ts";

/** Who took part: each person records it for themselves, until the minutes are final. */
export const attendanceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/conferences/:id/attendance",
    {
      schema: {
        tags: ["conferences"],
        summary: "Who took part, apologised or sent information in advance",
        params: ZIdParams,
        response: { 200: ZAttendanceListResponse, ...errorResponses },
      },
    },
    async (request) => {
      const { conference } = await requireConferenceAccess(request, request.params.id);
      const attendance = await listAttendance(app.db, conference.id);
      await request.audit({
        action: "view",
        targetType: "conference",
        targetId: conference.id,
        caseId: conference.caseId,
        detail: { part: "attendance", count: attendance.length },
      });
      return { attendance };
    },
  );

  app.put(
    "/api/conferences/:id/attendance/me",
    {
      schema: {
        tags: ["conferences"],
        summary:
          "Record how I take part (present with confidentiality confirmed, apologised, information sent)",
        params: ZIdParams,
        body: ZRecordAttendanceRequest,
        response: { 200: ZAttendance, ...errorResponses },
      },
    },
    async (request) => {
      const { actor, conference } = await requireConferenceAccess(request, request.params.id, {
        editable: true,
      });
      await request.auditedWrite(
        (tx) => recordAttendance(tx, actor, conference.id, request.body),
        (row) => ({
          action: "change",
          targetType: "conference",
          targetId: conference.id,
          caseId: conference.caseId,
          detail: {
            attendance: row.kind,
            confidentialityConfirmed: row.confidentialityConfirmed,
          },
        }),
      );
      const [mine] = await listAttendance(app.db, conference.id, actor.userId);
      if (!mine) throw new Error("recorded attendance vanished");
      return mine;
    },
  );
};
