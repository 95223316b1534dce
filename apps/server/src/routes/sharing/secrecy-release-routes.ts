import {
  ZCreateSecrecyReleaseRequest,
  ZIdParams,
  ZRevokeSecrecyReleaseRequest,
  ZSecrecyRelease,
  ZSecrecyReleaseListResponse,
  ZSecrecyReleaseParams,
} from "@runder-tisch/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { requireCaseAccess } from "../../guards/require-case-access.ts";
import { todayInBerlin } from "../../lib/time.ts";
import { limitSharingRecordsTo } from "../../policies/sharing-rules.ts";
import { errorResponses } from "../shared.ts";
import { findSecrecyReleases } from "./find-sharing-records.ts";
import { presentSecrecyRelease } from "./present-sharing-records.ts";
import { recordSecrecyRelease } from "./record-secrecy-release.ts";
import { revokeSecrecyRelease } from "./revoke-secrecy-release.ts";

/**
 * Releases from professional secrecy (Schweigepflichtentbindung): a record of
 * whose staff may speak about the person. They grant no access to the case.
 */
export const secrecyReleaseRoutes: FastifyPluginAsyncZod = async (app) => {
  const loadOne = async (caseId: string, releaseId: string, today: string) => {
    const [record] = await findSecrecyReleases(app.db, { caseId, releaseId });
    if (!record) throw new Error(`secrecy release ${releaseId} vanished after writing it`);
    return presentSecrecyRelease(record, today);
  };

  app.get(
    "/api/cases/:id/secrecy-releases",
    {
      schema: {
        tags: ["sharing"],
        summary: "Secrecy releases of a case (the owner sees all, other agencies only their own)",
        params: ZIdParams,
        response: { 200: ZSecrecyReleaseListResponse, ...errorResponses },
      },
    },
    async (request) => {
      const { caseRow, access, actor } = await requireCaseAccess(request, request.params.id);
      const today = todayInBerlin();
      const records = await findSecrecyReleases(app.db, {
        caseId: caseRow.id,
        agencyId: limitSharingRecordsTo(actor.agencyId, access),
      });
      await request.audit({
        action: "view",
        targetType: "secrecy_release",
        caseId: caseRow.id,
        detail: { count: records.length },
      });
      return { secrecyReleases: records.map((record) => presentSecrecyRelease(record, today)) };
    },
  );

  app.post(
    "/api/cases/:id/secrecy-releases",
    {
      schema: {
        tags: ["sharing"],
        summary: "Record a release from professional secrecy for an agency (owner only)",
        params: ZIdParams,
        body: ZCreateSecrecyReleaseRequest,
        response: { 201: ZSecrecyRelease, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { caseRow, actor } = await requireCaseAccess(request, request.params.id, {
        ownerOnly: true,
      });
      const today = todayInBerlin();
      const releaseId = await request.auditedWrite(
        (tx) => recordSecrecyRelease(tx, caseRow, actor, request.body, today),
        (id) => ({
          action: "create",
          targetType: "secrecy_release",
          targetId: id,
          caseId: caseRow.id,
          detail: { agencyId: request.body.agencyId },
        }),
      );
      return reply.status(201).send(await loadOne(caseRow.id, releaseId, today));
    },
  );

  app.post(
    "/api/cases/:id/secrecy-releases/:releaseId/revoke",
    {
      schema: {
        tags: ["sharing"],
        summary: "Revoke a release from professional secrecy with immediate effect (owner only)",
        params: ZSecrecyReleaseParams,
        body: ZRevokeSecrecyReleaseRequest,
        response: { 200: ZSecrecyRelease, ...errorResponses },
      },
    },
    async (request) => {
      const { caseRow, actor } = await requireCaseAccess(request, request.params.id, {
        ownerOnly: true,
      });
      const { releaseId } = request.params;
      await request.auditedWrite(
        (tx) => revokeSecrecyRelease(tx, caseRow, actor, releaseId),
        (revoked) => ({
          action: "change",
          targetType: "secrecy_release",
          targetId: releaseId,
          caseId: caseRow.id,
          detail: { revoked: true, agencyId: revoked.agencyId },
        }),
      );
      return loadOne(caseRow.id, releaseId, todayInBerlin());
    },
  );
};
