import { ZIdParams, ZMinutes, ZMinutesListResponse } from "@runder-tisch/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { loadMinutesMarks } from "../../domain/minutes/minutes-marks.ts";
import { presentMinutes } from "../../domain/minutes/present-minutes.ts";
import { renderMinutesMarkdown } from "../../domain/minutes/render-minutes-markdown.ts";
import { renderMinutesPdf } from "../../domain/minutes/render-minutes-pdf.ts";
import { loadGermanThemeNames } from "../../domain/themes/theme-catalogue.ts";
import { requireConferenceAccess } from "../../guards/require-conference-access.ts";
import { requireMinutesAccess } from "../../guards/require-minutes-access.ts";
import { errorResponses } from "../shared.ts";
import { listConferenceMinutes } from "./list-minutes.ts";

const ZPdfFile = z.instanceof(Buffer).describe("The minutes as PDF");
const ZTextFile = z.string().describe("The minutes as Markdown");

/** Reading finalised minutes: every agency that can see the conference; every read audited. */
export const minutesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/conferences/:id/minutes",
    {
      schema: {
        tags: ["minutes"],
        summary: "Finalised minutes versions of a conference, oldest first",
        params: ZIdParams,
        response: { 200: ZMinutesListResponse, ...errorResponses },
      },
    },
    async (request) => {
      const { conference, caseRow } = await requireConferenceAccess(request, request.params.id);
      const rows = await listConferenceMinutes(app.db, conference.id);
      const marks = await loadMinutesMarks(app.db, rows);
      await request.audit({
        action: "list",
        targetType: "minutes",
        caseId: caseRow.id,
        detail: { conferenceId: conference.id, count: rows.length },
      });
      return {
        minutes: rows.map((row) => {
          const {
            id,
            conferenceId,
            version,
            finalisedAt,
            hash,
            marks: shown,
          } = presentMinutes(row, marks.get(row.id));
          return { id, conferenceId, version, finalisedAt, hash, marks: shown };
        }),
      };
    },
  );

  /** Loads, marks and audits one version; `format` names how it leaves the server. */
  const readMinutes = async (
    request: Parameters<typeof requireMinutesAccess>[0],
    id: string,
    format: "json" | "pdf" | "md",
  ) => {
    const { minutes } = await requireMinutesAccess(request, id);
    const marks = (await loadMinutesMarks(app.db, [minutes])).get(minutes.id);
    await request.audit({
      action: format === "json" ? "view" : "export",
      targetType: "minutes",
      targetId: minutes.id,
      caseId: minutes.caseId,
      detail: { format, conferenceId: minutes.conferenceId },
    });
    return presentMinutes(minutes, marks);
  };
  const fileName = (code: string, version: number, ending: string) =>
    `Protokoll-${code}-v${version}.${ending}`;

  app.get(
    "/api/minutes/:id",
    {
      schema: {
        tags: ["minutes"],
        summary: "One finalised minutes version with its hash and current marks",
        params: ZIdParams,
        response: { 200: ZMinutes, ...errorResponses },
      },
    },
    async (request) => readMinutes(request, request.params.id, "json"),
  );

  app.get(
    "/api/minutes/:id.pdf",
    {
      schema: {
        tags: ["minutes"],
        summary: "The minutes as a German, tagged PDF (audited as export)",
        params: ZIdParams,
        produces: ["application/pdf"],
        response: { 200: ZPdfFile, ...errorResponses },
      },
    },
    async (request, reply) => {
      const minutes = await readMinutes(request, request.params.id, "pdf");
      const pdf = await renderMinutesPdf(minutes, await loadGermanThemeNames(app.db));
      return reply
        .type("application/pdf")
        .header(
          "content-disposition",
          `attachment; filename="${fileName(minutes.content.case.code, minutes.version, "pdf")}"`,
        )
        .send(pdf);
    },
  );

  app.get(
    "/api/minutes/:id.md",
    {
      schema: {
        tags: ["minutes"],
        summary: "The minutes as Markdown (audited as export)",
        params: ZIdParams,
        produces: ["text/markdown"],
        response: { 200: ZTextFile, ...errorResponses },
      },
    },
    async (request, reply) => {
      const minutes = await readMinutes(request, request.params.id, "md");
      return reply
        .type("text/markdown; charset=utf-8")
        .header(
          "content-disposition",
          `attachment; filename="${fileName(minutes.content.case.code, minutes.version, "md")}"`,
        )
        .send(renderMinutesMarkdown(minutes, await loadGermanThemeNames(app.db)));
    },
  );
};
