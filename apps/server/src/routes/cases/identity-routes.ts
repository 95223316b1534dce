import {
  ZIdentityRecord,
  ZIdentityRecordResponse,
  ZIdParams,
  ZOkResponse,
} from "@runder-tisch/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { requireCaseAccess } from "../../guards/require-case-access.ts";
import { errorResponses } from "../shared.ts";
import { deleteIdentityRecord, readIdentityRecord, saveIdentityRecord } from "./identity-record.ts";

/** Who is behind a case code: owning agency only, encrypted at rest, every look audited. */
export const identityRoutes: FastifyPluginAsyncZod = async (app) => {
  const identityEntry = (caseId: string) =>
    ({ targetType: "identity_record", targetId: caseId, caseId }) as const;

  app.get(
    "/api/cases/:id/identity",
    {
      schema: {
        tags: ["cases"],
        summary: "Show the identity record (owning agency only; audited)",
        params: ZIdParams,
        response: { 200: ZIdentityRecordResponse, ...errorResponses },
      },
    },
    async (request) => {
      const { caseRow } = await requireCaseAccess(request, request.params.id, { ownerOnly: true });
      const record = await readIdentityRecord(app.db, app.identityCipher, caseRow.id);
      await request.audit({ action: "view", ...identityEntry(caseRow.id) });
      return record;
    },
  );

  app.put(
    "/api/cases/:id/identity",
    {
      schema: {
        tags: ["cases"],
        summary: "Record or replace the identity record (owning agency only)",
        params: ZIdParams,
        body: ZIdentityRecord,
        response: { 200: ZIdentityRecordResponse, ...errorResponses },
      },
    },
    async (request) => {
      const { caseRow, actor } = await requireCaseAccess(request, request.params.id, {
        ownerOnly: true,
      });
      return request.auditedWrite(
        (tx) => saveIdentityRecord(tx, app.identityCipher, caseRow.id, request.body, actor.userId),
        () => ({ action: "change", ...identityEntry(caseRow.id) }),
      );
    },
  );

  app.delete(
    "/api/cases/:id/identity",
    {
      schema: {
        tags: ["cases"],
        summary: "Delete the identity record (owning agency only)",
        params: ZIdParams,
        response: { 200: ZOkResponse, ...errorResponses },
      },
    },
    async (request) => {
      const { caseRow } = await requireCaseAccess(request, request.params.id, { ownerOnly: true });
      await request.auditedWrite(
        (tx) => deleteIdentityRecord(tx, caseRow.id),
        () => ({ action: "delete", ...identityEntry(caseRow.id) }),
      );
      return { ok: true as const };
    },
  );
};
