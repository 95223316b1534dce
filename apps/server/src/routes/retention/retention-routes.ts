import { ZRetentionReport, ZRetentionRules } from "@runder-tisch/contracts";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { requirePermission } from "../../guards/require-permission.ts";
import { isPlatformAdmin } from "../../policies/administration.ts";
import { retentionRulesFrom } from "../../policies/retention-rules.ts";
import { errorResponses } from "../shared.ts";

/** The retention job seen by the platform admin: its rules, and a run on demand. */
export const retentionRoutes: FastifyPluginAsyncZod = async (app) => {
  const requireAdmin = (request: FastifyRequest) =>
    requirePermission(
      request,
      isPlatformAdmin,
      { targetType: "retention_run" },
      "platform_admin_only",
    );

  app.get(
    "/api/admin/retention/rules",
    {
      schema: {
        tags: ["retention"],
        summary: "Retention periods in force (platform admin)",
        response: { 200: ZRetentionRules, ...errorResponses },
      },
    },
    async (request) => {
      await requireAdmin(request);
      return {
        ...retentionRulesFrom(app.config),
        intervalMinutes: app.config.RETENTION_INTERVAL_MINUTES,
      };
    },
  );

  app.post(
    "/api/admin/retention/run",
    {
      schema: {
        tags: ["retention"],
        summary: "Run the retention job now and report what it deleted and kept (platform admin)",
        response: { 200: ZRetentionReport, ...errorResponses },
      },
    },
    async (request) => {
      await requireAdmin(request);
      const report = await app.retentionJob.run();
      await request.audit({
        action: "delete",
        targetType: "retention_run",
        detail: { deletedCases: report.deletedCaseIds.length, skipped: report.skipped.length },
      });
      return report;
    },
  );
};
