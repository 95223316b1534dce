import {
  ZCase,
  ZCaseListQuery,
  ZCaseListResponse,
  ZCreateCaseRequest,
  ZIdParams,
  ZUpdateCaseRequest,
} from "@runder-tisch/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { checkOfferedThemes } from "../../domain/themes/check-offered-themes.ts";
import { requireCaseAccess } from "../../guards/require-case-access.ts";
import { requireActor } from "../../sessions/request-session.ts";
import { errorResponses } from "../shared.ts";
import { createCase } from "./create-case.ts";
import { listVisibleCases } from "./list-cases.ts";
import { hasIdentityRecord, loadOwnerRef } from "./load-case-extras.ts";
import { presentCase } from "./present-case.ts";
import { updateCase } from "./update-case.ts";

export const caseRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/cases",
    {
      schema: {
        tags: ["cases"],
        summary: "Cases my agency owns or holds an active sharing basis for",
        querystring: ZCaseListQuery,
        response: { 200: ZCaseListResponse, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const rows = await listVisibleCases(app.db, actor.agencyId, request.query);
      await request.audit({
        action: "list",
        targetType: "case",
        // The search text is left out: someone may type a name into it, and the trail keeps everything.
        detail: {
          count: rows.length,
          filters: {
            theme: request.query.theme,
            status: request.query.status,
            searched: Boolean(request.query.q),
          },
        },
      });
      return {
        cases: rows.map(({ caseRow, owner, specialCategory }) =>
          presentCase(caseRow, owner, {
            isOwner: caseRow.ownerAgencyId === actor.agencyId,
            specialCategory,
          }),
        ),
      };
    },
  );

  app.post(
    "/api/cases",
    {
      schema: {
        tags: ["cases"],
        summary: "Open a case owned by my agency",
        body: ZCreateCaseRequest,
        response: { 201: ZCase, ...errorResponses },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      await checkOfferedThemes(app.db, "themes", request.body.themes);
      const created = await request.auditedWrite(
        (tx) => createCase(tx, actor, request.body),
        (row) => ({ action: "create", targetType: "case", targetId: row.id, caseId: row.id }),
      );
      return reply
        .status(201)
        .send(
          presentCase(
            created,
            { id: actor.agencyId, name: actor.agencyName },
            { isOwner: true, specialCategory: true },
            false,
          ),
        );
    },
  );

  app.get(
    "/api/cases/:id",
    {
      schema: {
        tags: ["cases"],
        summary: "One case, as far as my agency may see it",
        params: ZIdParams,
        response: { 200: ZCase, ...errorResponses },
      },
    },
    async (request) => {
      const { caseRow, access } = await requireCaseAccess(request, request.params.id);
      await request.audit({
        action: "view",
        targetType: "case",
        targetId: caseRow.id,
        caseId: caseRow.id,
      });
      return presentCase(
        caseRow,
        await loadOwnerRef(app.db, caseRow.ownerAgencyId),
        access,
        access.isOwner ? await hasIdentityRecord(app.db, caseRow.id) : undefined,
      );
    },
  );

  app.patch(
    "/api/cases/:id",
    {
      schema: {
        tags: ["cases"],
        summary: "Change summary, themes or status (owning agency only)",
        params: ZIdParams,
        body: ZUpdateCaseRequest,
        response: { 200: ZCase, ...errorResponses },
      },
    },
    async (request) => {
      const { caseRow, access } = await requireCaseAccess(request, request.params.id, {
        ownerOnly: true,
      });
      if (request.body.themes) {
        // Themes the case already has stay, even one the Kreis has switched off since.
        await checkOfferedThemes(app.db, "themes", request.body.themes, caseRow.themes);
      }
      const updated = await request.auditedWrite(
        (tx) => updateCase(tx, caseRow, request.body),
        () => ({
          action: "change",
          targetType: "case",
          targetId: caseRow.id,
          caseId: caseRow.id,
          detail: { fields: Object.keys(request.body) },
        }),
      );
      return presentCase(
        updated,
        await loadOwnerRef(app.db, caseRow.ownerAgencyId),
        access,
        await hasIdentityRecord(app.db, caseRow.id),
      );
    },
  );
};
