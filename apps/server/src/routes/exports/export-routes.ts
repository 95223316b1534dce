import { ZCaseExport, ZCaseExportQuery, ZIdParams } from "@runder-tisch/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { loadGermanThemeNames } from "../../domain/themes/theme-catalogue.ts";
import { requireCaseAccess } from "../../guards/require-case-access.ts";
import { errorResponses } from "../shared.ts";
import { collectCaseExport } from "./collect-case-export.ts";
import { renderExportHtml } from "./render-export-html.ts";

/** Subject access (GDPR Art. 15): everything stored about one case, for the owning agency. */
export const caseExportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/cases/:id/export",
    {
      schema: {
        tags: ["cases"],
        summary:
          "Everything stored about the case, as JSON or a readable HTML page (owning agency; audited)",
        params: ZIdParams,
        querystring: ZCaseExportQuery,
        response: {
          200: ZCaseExport.or(z.string().describe("HTML document (format=html)")),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      // The person's rights go through the agency that knows who they are: the owner.
      const { actor, caseRow } = await requireCaseAccess(request, request.params.id, {
        ownerOnly: true,
      });
      const data = await collectCaseExport(
        {
          db: app.db,
          identityCipher: app.identityCipher,
          encodeState: (conferenceId) => app.collab.encodeState(conferenceId),
        },
        caseRow,
        actor,
      );
      await request.audit({
        action: "export",
        targetType: "case",
        targetId: caseRow.id,
        caseId: caseRow.id,
        detail: { format: request.query.format, purpose: "subject_access" },
      });
      if (request.query.format === "html") {
        return reply
          .type("text/html; charset=utf-8")
          .header("content-disposition", `attachment; filename="Auskunft-${caseRow.code}.html"`)
          .send(renderExportHtml(data, await loadGermanThemeNames(app.db)));
      }
      return data;
    },
  );
};
