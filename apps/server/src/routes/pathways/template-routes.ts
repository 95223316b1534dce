import {
  ZNameTemplateEditorRequest,
  ZOkResponse,
  ZPathwayKeyParams,
  ZPathwayTemplate,
  ZPathwayTemplateEditorListResponse,
  ZPathwayTemplateListResponse,
  ZTemplateEditorParams,
  ZWritePathwayTemplateRequest,
} from "@runder-tisch/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { forbidden, notFound } from "../../errors.ts";
import { refuse } from "../../guards/record-denial.ts";
import { requirePermission } from "../../guards/require-permission.ts";
import { canEditPathwayTemplates, canNameTemplateEditors } from "../../policies/pathway-rules.ts";
import { requireActor } from "../../sessions/request-session.ts";
import { errorResponses } from "../shared.ts";
import { loadLatestTemplates } from "./load-templates.ts";
import {
  isNamedTemplateEditor,
  listTemplateEditors,
  nameTemplateEditor,
  removeTemplateEditor,
} from "./template-editors.ts";
import { writeTemplateVersion } from "./write-template-version.ts";

/**
 * The pathway templates: everyone signed in reads the newest versions; coordinators of
 * the immigration office, and of the agencies it names, write new versions.
 */
export const templateRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/pathways/templates",
    {
      schema: {
        tags: ["pathways"],
        summary: "The newest version of every residence pathway template",
        response: { 200: ZPathwayTemplateListResponse, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const named = await isNamedTemplateEditor(app.db, actor.agencyId);
      return {
        templates: await loadLatestTemplates(app.db),
        mayEdit: canEditPathwayTemplates(actor, named),
      };
    },
  );

  app.put(
    "/api/pathways/templates/:pathwayKey",
    {
      schema: {
        tags: ["pathways"],
        summary: "Write a new version of a template (cases keep the version they started with)",
        params: ZPathwayKeyParams,
        body: ZWritePathwayTemplateRequest,
        response: { 200: ZPathwayTemplate, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { pathwayKey } = request.params;
      if (!canEditPathwayTemplates(actor, await isNamedTemplateEditor(app.db, actor.agencyId))) {
        const target = { targetType: "pathway_template", targetId: null } as const;
        throw await refuse(request, target, forbidden("not_template_editor"));
      }
      const written = await request.auditedWrite(
        (tx) => writeTemplateVersion(tx, pathwayKey, request.body, actor),
        (result) => ({
          action: "create",
          targetType: "pathway_template",
          targetId: result.id,
          detail: { pathwayKey, version: result.version },
        }),
      );
      const latest = (await loadLatestTemplates(app.db)).find((row) => row.id === written.id);
      if (!latest) throw new Error("written template vanished");
      return latest;
    },
  );

  app.get(
    "/api/pathways/template-editors",
    {
      schema: {
        tags: ["pathways"],
        summary: "Agencies the immigration office named as template editors",
        response: { 200: ZPathwayTemplateEditorListResponse, ...errorResponses },
      },
    },
    async (request) => {
      await requirePermission(request, canNameTemplateEditors, {
        targetType: "pathway_template",
      });
      return listTemplateEditors(app.db);
    },
  );

  app.post(
    "/api/pathways/template-editors",
    {
      schema: {
        tags: ["pathways"],
        summary: "Name an agency whose coordinators may edit templates (immigration office)",
        body: ZNameTemplateEditorRequest,
        response: { 200: ZPathwayTemplateEditorListResponse, ...errorResponses },
      },
    },
    async (request) => {
      const actor = await requirePermission(request, canNameTemplateEditors, {
        targetType: "pathway_template",
      });
      const { agencyId } = request.body;
      await request.auditedWrite(
        (tx) => nameTemplateEditor(tx, agencyId, actor),
        () => ({
          action: "create",
          targetType: "pathway_template",
          detail: { templateEditorAgencyId: agencyId },
        }),
      );
      return listTemplateEditors(app.db);
    },
  );

  app.delete(
    "/api/pathways/template-editors/:agencyId",
    {
      schema: {
        tags: ["pathways"],
        summary: "Take back an agency's right to edit templates (immigration office)",
        params: ZTemplateEditorParams,
        response: { 200: ZOkResponse, ...errorResponses },
      },
    },
    async (request) => {
      await requirePermission(request, canNameTemplateEditors, {
        targetType: "pathway_template",
      });
      const { agencyId } = request.params;
      const removed = await request.auditedWrite(
        (tx) => removeTemplateEditor(tx, agencyId),
        (done) =>
          done
            ? [
                {
                  action: "delete",
                  targetType: "pathway_template",
                  detail: { templateEditorAgencyId: agencyId },
                },
              ]
            : [],
      );
      if (!removed) throw notFound("Template editor");
      return { ok: true as const };
    },
  );
};
