import { ZActionPlanVersionParams } from "@runder-tisch/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { findActionPlanVersion } from "../../domain/action-plan/action-plan-versions.ts";
import {
  actionPlanFileName,
  renderActionPlanMarkdown,
} from "../../domain/action-plan/render-action-plan-markdown.ts";
import { renderActionPlanPdf } from "../../domain/action-plan/render-action-plan-pdf.ts";
import { auditingDenials } from "../../guards/record-denial.ts";
import { requireSteeringMember } from "../../guards/require-steering-member.ts";
import { errorResponses } from "../shared.ts";

const ZPdfFile = z.instanceof(Buffer).describe("The version as PDF");
const ZTextFile = z.string().describe("The version as Markdown");

const target = { targetType: "action_plan" } as const;

/** A version of the action plan to download, for members of the group; audited as export. */
export const actionPlanFileRoutes: FastifyPluginAsyncZod = async (app) => {
  const readVersion = async (
    request: Parameters<typeof requireSteeringMember>[0],
    version: number,
    format: "pdf" | "md",
  ) => {
    await requireSteeringMember(request, target);
    const found = await auditingDenials(request, target, () =>
      findActionPlanVersion(app.db, version),
    );
    await request.audit({ action: "export", ...target, detail: { version, format } });
    return found;
  };

  app.get(
    "/api/action-plan/versions/:version.pdf",
    {
      schema: {
        tags: ["steering"],
        summary: "A version of the action plan as a German, tagged PDF (audited as export)",
        params: ZActionPlanVersionParams,
        produces: ["application/pdf"],
        response: { 200: ZPdfFile, ...errorResponses },
      },
    },
    async (request, reply) => {
      const version = await readVersion(request, request.params.version, "pdf");
      return reply
        .type("application/pdf")
        .header(
          "content-disposition",
          `attachment; filename="${actionPlanFileName(version.version, "pdf")}"`,
        )
        .send(await renderActionPlanPdf(version));
    },
  );

  app.get(
    "/api/action-plan/versions/:version.md",
    {
      schema: {
        tags: ["steering"],
        summary: "A version of the action plan as Markdown (audited as export)",
        params: ZActionPlanVersionParams,
        produces: ["text/markdown"],
        response: { 200: ZTextFile, ...errorResponses },
      },
    },
    async (request, reply) => {
      const version = await readVersion(request, request.params.version, "md");
      return reply
        .type("text/markdown; charset=utf-8")
        .header(
          "content-disposition",
          `attachment; filename="${actionPlanFileName(version.version, "md")}"`,
        )
        .send(renderActionPlanMarkdown(version));
    },
  );
};
