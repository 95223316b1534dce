import {
  ZIdParams,
  ZInternalNoteListResponse,
  ZInternalNoteParams,
  ZInternalNoteWriteResponse,
  ZOkResponse,
  ZWriteInternalNoteRequest,
} from "@runder-tisch/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { checkMinutesText } from "../../domain/minutes/pii-check.ts";
import { findPersonalData } from "../../domain/minutes/text-guard.ts";
import { notFound } from "../../errors.ts";
import { auditingDenials } from "../../guards/record-denial.ts";
import { requireCaseAccess } from "../../guards/require-case-access.ts";
import { errorResponses } from "../shared.ts";
import {
  deleteOwnNote,
  findOwnNotes,
  insertNote,
  presentInternalNote,
  updateOwnNote,
} from "./internal-note-records.ts";

/**
 * An agency's internal notes on a case: every agency that may see the case keeps its own,
 * and reads and changes only those. They are never published to another agency, so the
 * personal-data guard only warns (the answer lists what it found) instead of refusing.
 */
export const internalNoteRoutes: FastifyPluginAsyncZod = async (app) => {
  const loadOne = async (caseId: string, agencyId: string, noteId: string) => {
    const [record] = await findOwnNotes(app.db, { caseId, agencyId, noteId });
    if (!record) throw new Error(`internal note ${noteId} vanished after writing it`);
    return presentInternalNote(record);
  };
  const warningsFor = (body: string) =>
    findPersonalData([{ where: "body", text: body }], checkMinutesText);

  app.get(
    "/api/cases/:id/internal-notes",
    {
      schema: {
        tags: ["internal-notes"],
        summary: "My agency's internal notes on the case (no other agency sees them)",
        params: ZIdParams,
        response: { 200: ZInternalNoteListResponse, ...errorResponses },
      },
    },
    async (request) => {
      const { caseRow, actor } = await requireCaseAccess(request, request.params.id);
      const records = await findOwnNotes(app.db, {
        caseId: caseRow.id,
        agencyId: actor.agencyId,
      });
      await request.audit({
        action: "list",
        targetType: "internal_note",
        caseId: caseRow.id,
        detail: { count: records.length },
      });
      return { notes: records.map(presentInternalNote) };
    },
  );

  app.post(
    "/api/cases/:id/internal-notes",
    {
      schema: {
        tags: ["internal-notes"],
        summary: "Add an internal note of my agency to the case",
        params: ZIdParams,
        body: ZWriteInternalNoteRequest,
        response: { 201: ZInternalNoteWriteResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { caseRow, actor } = await requireCaseAccess(request, request.params.id);
      const writer = { caseId: caseRow.id, agencyId: actor.agencyId, userId: actor.userId };
      const noteId = await request.auditedWrite(
        (tx) => insertNote(tx, writer, request.body.body),
        (id) => ({
          action: "create",
          targetType: "internal_note",
          targetId: id,
          caseId: caseRow.id,
        }),
      );
      const note = await loadOne(caseRow.id, actor.agencyId, noteId);
      return reply
        .status(201)
        .send({ ...note, personalDataWarnings: warningsFor(request.body.body) });
    },
  );

  app.patch(
    "/api/cases/:id/internal-notes/:noteId",
    {
      schema: {
        tags: ["internal-notes"],
        summary: "Change an internal note of my agency",
        params: ZInternalNoteParams,
        body: ZWriteInternalNoteRequest,
        response: { 200: ZInternalNoteWriteResponse, ...errorResponses },
      },
    },
    async (request) => {
      const { caseRow, actor } = await requireCaseAccess(request, request.params.id);
      const { noteId } = request.params;
      const target = { targetType: "internal_note", targetId: noteId, caseId: caseRow.id } as const;
      await auditingDenials(request, target, () =>
        request.auditedWrite(
          async (tx) => {
            const owner = { caseId: caseRow.id, agencyId: actor.agencyId, noteId };
            if (!(await updateOwnNote(tx, owner, request.body.body))) {
              throw notFound("Internal note");
            }
          },
          () => ({ action: "change", ...target }),
        ),
      );
      const note = await loadOne(caseRow.id, actor.agencyId, noteId);
      return { ...note, personalDataWarnings: warningsFor(request.body.body) };
    },
  );

  app.delete(
    "/api/cases/:id/internal-notes/:noteId",
    {
      schema: {
        tags: ["internal-notes"],
        summary: "Delete an internal note of my agency",
        params: ZInternalNoteParams,
        response: { 200: ZOkResponse, ...errorResponses },
      },
    },
    async (request) => {
      const { caseRow, actor } = await requireCaseAccess(request, request.params.id);
      const { noteId } = request.params;
      const target = { targetType: "internal_note", targetId: noteId, caseId: caseRow.id } as const;
      await auditingDenials(request, target, () =>
        request.auditedWrite(
          async (tx) => {
            const owner = { caseId: caseRow.id, agencyId: actor.agencyId, noteId };
            if (!(await deleteOwnNote(tx, owner))) throw notFound("Internal note");
          },
          () => ({ action: "delete", ...target }),
        ),
      );
      return { ok: true as const };
    },
  );
};
