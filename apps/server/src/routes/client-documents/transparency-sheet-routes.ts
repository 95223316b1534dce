import { ZClientDocument, ZClientDocumentQuery, ZIdParams } from "@runder-tisch/contracts";
import type { ClientLanguage } from "@runder-tisch/contracts/vocabulary";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { buildTransparencySheet } from "../../domain/client-documents/build-transparency-sheet.ts";
import { renderClientDocumentPdf } from "../../domain/client-documents/render-client-document-pdf.ts";
import { requireCaseAccess } from "../../guards/require-case-access.ts";
import { errorResponses } from "../shared.ts";
import { loadTransparencyFacts } from "./load-transparency-facts.ts";

const ZPdfFile = z.instanceof(Buffer).describe("The transparency sheet as PDF");

/**
 * The transparency sheet for the person: only the owning agency hands it out
 * (it names every agency with access, which partners do not see of each
 * other), so for everyone else the case does not exist; every read audited.
 */
export const transparencySheetRoutes: FastifyPluginAsyncZod = async (app) => {
  const readSheet = async (
    request: FastifyRequest,
    caseId: string,
    language: ClientLanguage,
    format: "json" | "pdf",
  ) => {
    const { caseRow } = await requireCaseAccess(request, caseId, { ownerOnly: true });
    const facts = await loadTransparencyFacts(app.db, caseRow);
    await request.audit({
      action: format === "json" ? "view" : "export",
      targetType: "case",
      targetId: caseRow.id,
      caseId: caseRow.id,
      detail: { document: "transparency_sheet", lang: language, format },
    });
    return { facts, document: buildTransparencySheet(facts, language) };
  };

  app.get(
    "/api/cases/:id/transparency-sheet",
    {
      schema: {
        tags: ["client documents"],
        summary: "Who may see the case and why, for the person, in plain language (owner only)",
        params: ZIdParams,
        querystring: ZClientDocumentQuery,
        response: { 200: ZClientDocument, ...errorResponses },
      },
    },
    async (request) =>
      (await readSheet(request, request.params.id, request.query.lang, "json")).document,
  );

  app.get(
    "/api/cases/:id/transparency-sheet.pdf",
    {
      schema: {
        tags: ["client documents"],
        summary:
          "The transparency sheet as a tagged PDF in the person's language (audited as export)",
        params: ZIdParams,
        querystring: ZClientDocumentQuery,
        produces: ["application/pdf"],
        response: { 200: ZPdfFile, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { facts, document } = await readSheet(
        request,
        request.params.id,
        request.query.lang,
        "pdf",
      );
      const pdf = await renderClientDocumentPdf(document, {
        caseCode: facts.caseCode,
        author: facts.ownerAgency,
      });
      return reply
        .type("application/pdf")
        .header(
          "content-disposition",
          `attachment; filename="Transparenzblatt-${facts.caseCode}-${document.lang}.pdf"`,
        )
        .send(pdf);
    },
  );
};
