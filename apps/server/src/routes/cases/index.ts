import {
  ZCase,
  ZCaseListQuery,
  ZCaseListResponse,
  ZCreateCaseRequest,
  ZIdParams,
  ZUpdateCaseRequest,
} from "@runder-tisch/contracts";
import { schema } from "@runder-tisch/db";
import { eq } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { requireCaseAccess } from "../../guards/require-case-access.ts";
import { requireActor } from "../../sessions/request-session.ts";
import { errorResponses } from "../shared.ts";
import { presentCase } from "./case-presenter.ts";
import { createCase } from "./create-case.ts";
import { identityRoutes } from "./identity-routes.ts";
import { listVisibleCases } from "./list-cases.ts";

export const caseRoutes: FastifyPluginAsyncZod = async (app) => {
  const ownerRef = async (agencyId: string) => {
    const [agency] = await app.db
      .select({ id: schema.agencies.id, name: schema.agencies.name })
      .from(schema.agencies)
      .where(eq(schema.agencies.id, agencyId));
    return agency ?? { id: agencyId, name: "" };
  };
  const hasIdentity = async (caseId: string) => {
    const [row] = await app.db
      .select({ caseId: schema.identityRecords.caseId })
      .from(schema.identityRecords)
      .where(eq(schema.identityRecords.caseId, caseId));
    return row !== undefined;
  };

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
        await ownerRef(caseRow.ownerAgencyId),
        access,
        access.isOwner ? await hasIdentity(caseRow.id) : undefined,
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
      const { status, ...fields } = request.body;
      const statusChange =
        status && status !== caseRow.status
          ? { status, closedAt: status === "closed" ? new Date() : null }
          : {};
      const [updated] = await request.auditedWrite(
        (tx) =>
          tx
            .update(schema.cases)
            .set({ ...fields, ...statusChange, updatedAt: new Date() })
            .where(eq(schema.cases.id, caseRow.id))
            .returning(),
        () => ({
          action: "change",
          targetType: "case",
          targetId: caseRow.id,
          caseId: caseRow.id,
          detail: { fields: Object.keys(request.body) },
        }),
      );
      return presentCase(
        updated ?? caseRow,
        await ownerRef(caseRow.ownerAgencyId),
        access,
        await hasIdentity(caseRow.id),
      );
    },
  );

  await app.register(identityRoutes);
};
