import { ZPathwayCohortQuery, ZPathwayCohortResponse } from "@runder-tisch/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { requirePermission } from "../../guards/require-permission.ts";
import { canSeePathwayCohort } from "../../policies/pathway-rules.ts";
import { errorResponses } from "../shared.ts";
import { listCohort } from "./list-cohort.ts";

/**
 * The immigration office's cohort view: which of the cases it may see are close to a
 * pathway. Pseudonymous (case codes and counts only). Other agencies get 403 with
 * `immigration_office_only`, as administration views refuse those they are not for.
 */
export const cohortRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/pathways/cohort",
    {
      schema: {
        tags: ["pathways"],
        summary: "Checklists of the cases my immigration office sees, closest to a pathway first",
        querystring: ZPathwayCohortQuery,
        response: { 200: ZPathwayCohortResponse, ...errorResponses },
      },
    },
    async (request) => {
      const actor = await requirePermission(
        request,
        canSeePathwayCohort,
        { targetType: "pathway_checklist" },
        "immigration_office_only",
      );
      const cohort = await listCohort(app.db, actor.agencyId, request.query);
      await request.audit({
        action: "list",
        targetType: "pathway_checklist",
        detail: {
          pathway: request.query.pathway ?? null,
          minMet: request.query.minMet,
          page: request.query.page,
          count: cohort.entries.length,
        },
      });
      return cohort;
    },
  );
};
