import {
  ZIdentityRecord,
  ZIdentityRecordResponse,
  ZIdParams,
  ZOkResponse,
} from "@runder-tisch/contracts";
import { schema } from "@runder-tisch/db";
import { eq } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { notFound } from "../../errors.ts";
import { requireCaseAccess } from "../../guards/require-case-access.ts";
import { errorResponses } from "../shared.ts";

/** Who is behind a case code: owning agency only, encrypted at rest, every look audited. */
export const identityRoutes: FastifyPluginAsyncZod = async (app) => {
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
      const [row] = await app.db
        .select()
        .from(schema.identityRecords)
        .where(eq(schema.identityRecords.caseId, caseRow.id));
      if (!row) throw notFound("Identity record");
      await request.audit({
        action: "view",
        targetType: "identity_record",
        targetId: caseRow.id,
        caseId: caseRow.id,
      });
      const identity = ZIdentityRecord.parse(
        JSON.parse(app.identityCipher.decrypt(row.ciphertext, caseRow.id)),
      );
      return { identity, updatedAt: row.updatedAt.toISOString() };
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
      const values = {
        ciphertext: app.identityCipher.encrypt(JSON.stringify(request.body), caseRow.id),
        keyId: app.identityCipher.keyId,
        updatedBy: actor.userId,
        updatedAt: new Date(),
      };
      await request.auditedWrite(
        (tx) =>
          tx
            .insert(schema.identityRecords)
            .values({ caseId: caseRow.id, ...values })
            .onConflictDoUpdate({ target: schema.identityRecords.caseId, set: values }),
        () => ({
          action: "change",
          targetType: "identity_record",
          targetId: caseRow.id,
          caseId: caseRow.id,
        }),
      );
      return { identity: request.body, updatedAt: values.updatedAt.toISOString() };
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
        async (tx) => {
          const deleted = await tx
            .delete(schema.identityRecords)
            .where(eq(schema.identityRecords.caseId, caseRow.id))
            .returning({ caseId: schema.identityRecords.caseId });
          if (deleted.length === 0) throw notFound("Identity record");
        },
        () => ({
          action: "delete",
          targetType: "identity_record",
          targetId: caseRow.id,
          caseId: caseRow.id,
        }),
      );
      return { ok: true as const };
    },
  );
};
