import {
  type TEvaluationFilters,
  type TEvaluationResponse,
  ZEvaluationQuery,
  ZEvaluationResponse,
} from "@runder-tisch/contracts";
import { schema } from "@runder-tisch/db";
import { eq } from "drizzle-orm";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { loadActiveThemeKeys } from "../../domain/themes/theme-catalogue.ts";
import { unprocessable } from "../../errors.ts";
import { requirePermission } from "../../guards/require-permission.ts";
import { todayInBerlin } from "../../lib/time.ts";
import { canSeeEvaluation } from "../../policies/evaluation-rules.ts";
import { errorResponses } from "../shared.ts";
import { countEvaluation } from "./count-evaluation.ts";
import { presentEvaluation } from "./present-evaluation.ts";
import { renderEvaluationCsv } from "./render-evaluation-csv.ts";

/**
 * The evaluation for the steering group (docs/evaluation.md), as JSON for the page and
 * as CSV for spreadsheets; both pass the same small-count protection and are audited.
 */
export const evaluationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/evaluation",
    {
      schema: {
        tags: ["evaluation"],
        summary:
          "Counts, medians and rates over whole months, small counts withheld (coordinators, platform admin)",
        querystring: ZEvaluationQuery,
        response: { 200: ZEvaluationResponse, ...errorResponses },
      },
    },
    async (request) => {
      const evaluation = await evaluate(app, request, request.query);
      await request.audit({
        action: "list",
        targetType: "evaluation",
        detail: auditDetail(evaluation),
      });
      return evaluation;
    },
  );

  app.get(
    "/api/evaluation.csv",
    {
      schema: {
        tags: ["evaluation"],
        summary: "The same evaluation as CSV, withheld counts written as <k (audited export)",
        querystring: ZEvaluationQuery,
        response: { 200: z.string().describe("CSV (text/csv)"), ...errorResponses },
      },
    },
    async (request, reply) => {
      const evaluation = await evaluate(app, request, request.query);
      await request.audit({
        action: "export",
        targetType: "evaluation",
        detail: { ...auditDetail(evaluation), format: "csv" },
      });
      return reply
        .type("text/csv; charset=utf-8")
        .header(
          "content-disposition",
          `attachment; filename="Auswertung-${evaluation.from}-bis-${evaluation.to}.csv"`,
        )
        .send(renderEvaluationCsv(evaluation));
    },
  );
};

/** The guard, the checks the query's form cannot make, then counting and withholding. */
async function evaluate(
  app: FastifyInstance,
  request: FastifyRequest,
  filters: TEvaluationFilters,
): Promise<TEvaluationResponse> {
  await requirePermission(
    request,
    canSeeEvaluation,
    { targetType: "evaluation" },
    "coordinator_only",
  );
  const least = app.config.EVALUATION_MIN_COUNT;
  const k = filters.k ?? least;
  if (k < least) {
    throw unprocessable("too_small", `k may not be below ${least}`, {
      problems: [
        {
          where: "querystring",
          path: "/k",
          reason: "too_small",
          limit: least,
          message: "k too small",
        },
      ],
    });
  }
  if (filters.agencyId) {
    const [agency] = await app.db
      .select({ id: schema.agencies.id })
      .from(schema.agencies)
      .where(eq(schema.agencies.id, filters.agencyId));
    if (!agency) {
      throw unprocessable("agency_unknown", "No such agency", {
        problems: [
          {
            where: "querystring",
            path: "/agencyId",
            reason: "agency_unknown",
            message: "No such agency",
          },
        ],
      });
    }
  }
  const counts = await countEvaluation(app.db, filters, todayInBerlin());
  return presentEvaluation(counts, filters, k, await loadActiveThemeKeys(app.db));
}

const auditDetail = (evaluation: TEvaluationResponse) => ({
  from: evaluation.from,
  to: evaluation.to,
  agencyId: evaluation.agencyId,
  theme: evaluation.theme,
  k: evaluation.k,
});
