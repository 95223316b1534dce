import { ZAuditListQuery, ZAuditListResponse, ZAuditVerifyResponse } from "@runder-tisch/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { verifyAuditChain } from "../../audit/audit-trail.ts";
import { requirePermission } from "../../guards/require-permission.ts";
import {
  canReadAuditOf,
  canVerifyAuditChain,
  isPlatformAdmin,
} from "../../policies/administration.ts";
import { errorResponses } from "../shared.ts";
import { listAuditEntries } from "./list-audit-entries.ts";

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/audit",
    {
      schema: {
        tags: ["audit"],
        summary: "Audit trail, newest first (coordinators: their own agency's entries)",
        querystring: ZAuditListQuery,
        response: { 200: ZAuditListResponse, ...errorResponses },
      },
    },
    async (request) => {
      const actor = await requirePermission(
        request,
        (candidate) => canReadAuditOf(candidate, request.query.agencyId),
        { targetType: "audit_log" },
      );
      // Everyone but the platform admin reads their own agency's entries, asked for or not.
      const agencyId = isPlatformAdmin(actor) ? request.query.agencyId : actor.agencyId;
      const entries = await listAuditEntries(app.db, { ...request.query, agencyId });
      // Reading the trail is itself a read of who touched which case, so it is recorded too.
      await request.audit({
        action: "list",
        targetType: "audit_log",
        detail: { count: entries.length, filters: { ...request.query, agencyId } },
      });
      return { entries };
    },
  );

  app.get(
    "/api/admin/audit/verify",
    {
      schema: {
        tags: ["audit"],
        summary:
          "Check the audit trail's hash chain for edits made behind the trigger (platform admin)",
        response: { 200: ZAuditVerifyResponse, ...errorResponses },
      },
    },
    async (request) => {
      await requirePermission(request, canVerifyAuditChain, { targetType: "audit_log" });
      // What is committed but not yet chained is chained first, so the answer covers it.
      await app.auditSealer.flush();
      const result = await verifyAuditChain(app.db);
      await request.audit({
        action: "view",
        targetType: "audit_log",
        detail: { verified: result.valid, checked: result.checked },
      });
      return result;
    },
  );
};
