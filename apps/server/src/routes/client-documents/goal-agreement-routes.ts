import { ZClientDocument, ZClientDocumentQuery, ZIdParams } from "@runder-tisch/contracts";
import type { ClientLanguage } from "@runder-tisch/contracts/vocabulary";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { buildGoalAgreement } from "../../domain/client-documents/build-goal-agreement.ts";
import { renderClientDocumentPdf } from "../../domain/client-documents/render-client-document-pdf.ts";
import { requireConferenceAccess } from "../../guards/require-conference-access.ts";
import { errorResponses } from "../shared.ts";
import { loadGoalAgreementFacts } from "./load-goal-agreement-facts.ts";

const ZPdfFile = z.instanceof(Buffer).describe("The goal agreement as PDF");

/**
 * The goal agreement for the person concerned, readable by every agency that
 * may read the conference (the same guard as its minutes); every read audited.
 */
export const goalAgreementRoutes: FastifyPluginAsyncZod = async (app) => {
  const readGoalAgreement = async (
    request: FastifyRequest,
    conferenceId: string,
    language: ClientLanguage,
    format: "json" | "pdf",
  ) => {
    const { conference, caseRow } = await requireConferenceAccess(request, conferenceId);
    const facts = await loadGoalAgreementFacts(
      app.db,
      conference,
      caseRow,
      await app.collab.encodeState(conference.id),
    );
    await request.audit({
      action: format === "json" ? "view" : "export",
      targetType: "conference",
      targetId: conference.id,
      caseId: caseRow.id,
      detail: { document: "goal_agreement", lang: language, format },
    });
    return { facts, document: buildGoalAgreement(facts, language) };
  };

  app.get(
    "/api/conferences/:id/goal-agreement",
    {
      schema: {
        tags: ["client documents"],
        summary: "The goal agreement of a conference for the person, in plain language",
        params: ZIdParams,
        querystring: ZClientDocumentQuery,
        response: { 200: ZClientDocument, ...errorResponses },
      },
    },
    async (request) =>
      (await readGoalAgreement(request, request.params.id, request.query.lang, "json")).document,
  );

  app.get(
    "/api/conferences/:id/goal-agreement.pdf",
    {
      schema: {
        tags: ["client documents"],
        summary: "The goal agreement as a tagged PDF in the person's language (audited as export)",
        params: ZIdParams,
        querystring: ZClientDocumentQuery,
        produces: ["application/pdf"],
        response: { 200: ZPdfFile, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { facts, document } = await readGoalAgreement(
        request,
        request.params.id,
        request.query.lang,
        "pdf",
      );
      const pdf = await renderClientDocumentPdf(document, {
        caseCode: facts.caseCode,
        author: facts.contactAgency,
      });
      return reply
        .type("application/pdf")
        .header(
          "content-disposition",
          `attachment; filename="Zielvereinbarung-${facts.caseCode}-${document.lang}.pdf"`,
        )
        .send(pdf);
    },
  );
};
