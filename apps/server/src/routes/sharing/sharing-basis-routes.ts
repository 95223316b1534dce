import {
  ZCreateSharingBasisRequest,
  ZIdParams,
  ZRevokeRequest,
  ZSharingBasis,
  ZSharingBasisListResponse,
  ZSharingBasisParams,
} from "@runder-tisch/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { requireCaseAccess } from "../../guards/require-case-access.ts";
import { todayInBerlin } from "../../lib/time.ts";
import { limitSharingRecordsTo } from "../../policies/sharing-rules.ts";
import { errorResponses } from "../shared.ts";
import { findSharingBases } from "./find-sharing-records.ts";
import { grantSharingBasis } from "./grant-sharing-basis.ts";
import { presentSharingBasis } from "./present-sharing-records.ts";
import { revokeSharingBasis } from "./revoke-sharing-basis.ts";

/**
 * Sharing bases: the consent or statute that lets another agency see a case.
 * The owning agency grants and revokes them; revoking the last one cuts the
 * agency off at once.
 */
export const sharingBasisRoutes: FastifyPluginAsyncZod = async (app) => {
  const loadOne = async (caseId: string, basisId: string, today: string) => {
    const [record] = await findSharingBases(app.db, { caseId, basisId });
    if (!record) throw new Error(`sharing basis ${basisId} vanished after writing it`);
    return presentSharingBasis(record, { isOwner: true }, today);
  };

  app.get(
    "/api/cases/:id/sharing-bases",
    {
      schema: {
        tags: ["sharing"],
        summary: "Sharing bases of a case (the owner sees all, other agencies only their own)",
        params: ZIdParams,
        response: { 200: ZSharingBasisListResponse, ...errorResponses },
      },
    },
    async (request) => {
      const { caseRow, access, actor } = await requireCaseAccess(request, request.params.id);
      const today = todayInBerlin();
      const records = await findSharingBases(app.db, {
        caseId: caseRow.id,
        agencyId: limitSharingRecordsTo(actor.agencyId, access),
      });
      await request.audit({
        action: "view",
        targetType: "sharing_basis",
        caseId: caseRow.id,
        detail: { count: records.length },
      });
      return { sharingBases: records.map((record) => presentSharingBasis(record, access, today)) };
    },
  );

  app.post(
    "/api/cases/:id/sharing-bases",
    {
      schema: {
        tags: ["sharing"],
        summary: "Record consent or a statute that lets another agency see the case (owner only)",
        params: ZIdParams,
        body: ZCreateSharingBasisRequest,
        response: { 201: ZSharingBasis, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { caseRow, actor } = await requireCaseAccess(request, request.params.id, {
        ownerOnly: true,
      });
      const today = todayInBerlin();
      const basisId = await request.auditedWrite(
        (tx) => grantSharingBasis(tx, caseRow, actor, request.body, today),
        (id) => ({
          action: "create",
          targetType: "sharing_basis",
          targetId: id,
          caseId: caseRow.id,
          detail: {
            agencyId: request.body.agencyId,
            categories: request.body.categories,
            legalBasis: request.body.legalBasis.kind,
          },
        }),
      );
      return reply.status(201).send(await loadOne(caseRow.id, basisId, today));
    },
  );

  app.post(
    "/api/cases/:id/sharing-bases/:basisId/revoke",
    {
      schema: {
        tags: ["sharing"],
        summary: "Revoke a sharing basis with immediate effect (owner only)",
        params: ZSharingBasisParams,
        body: ZRevokeRequest,
        response: { 200: ZSharingBasis, ...errorResponses },
      },
    },
    async (request) => {
      const { caseRow, actor } = await requireCaseAccess(request, request.params.id, {
        ownerOnly: true,
      });
      const { basisId } = request.params;
      const today = todayInBerlin();
      const revoked = await request.auditedWrite(
        (tx) => revokeSharingBasis(tx, caseRow, actor, basisId, request.body.note, today),
        (result) => ({
          action: "change",
          targetType: "sharing_basis",
          targetId: basisId,
          caseId: caseRow.id,
          detail: { revoked: true, agencyId: result.agencyId, accessEnded: result.accessEnded },
        }),
      );
      // Only now, after the commit, so listeners never cut off on a rolled-back revocation.
      if (revoked.accessEnded) {
        app.events.publish({
          kind: "access.revoked",
          caseId: caseRow.id,
          agencyId: revoked.agencyId,
        });
      }
      return loadOne(caseRow.id, basisId, today);
    },
  );
};
