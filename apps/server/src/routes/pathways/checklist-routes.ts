import {
  ZCreatePathwayActionRequest,
  ZIdParams,
  ZPathwayChecklist,
  ZPathwayChecklistListResponse,
  ZPathwayPrerequisiteParams,
  ZSetPathwayStatusRequest,
  ZStartPathwayChecklistRequest,
} from "@runder-tisch/contracts";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { createAction } from "../../domain/actions/index.ts";
import { loadCaseChecklists } from "../../domain/pathways/load-checklists.ts";
import { conflict, forbidden } from "../../errors.ts";
import {
  guardPublishedTexts,
  overrideAuditDetail,
  storingOverride,
} from "../../guards/guard-published-text.ts";
import { auditingDenials, refuse } from "../../guards/record-denial.ts";
import { requireCaseAccess } from "../../guards/require-case-access.ts";
import { canEditPathwayChecklist } from "../../policies/pathway-rules.ts";
import { errorResponses } from "../shared.ts";
import { findChecklistPrerequisite } from "./find-checklist-prerequisite.ts";
import { linkPrerequisiteAction, setPrerequisiteStatus } from "./set-prerequisite-status.ts";
import { startChecklist } from "./start-checklist.ts";

/** A case's residence pathway checklists: read by every agency that sees the case. */
export const checklistRoutes: FastifyPluginAsyncZod = async (app) => {
  /** The case guard, then the rule for changing checklists (owner or immigration office). */
  const requireChecklistEditor = async (request: FastifyRequest, caseId: string) => {
    const context = await requireCaseAccess(request, caseId);
    if (!canEditPathwayChecklist(context.actor, context.access)) {
      const target = { targetType: "pathway_checklist", caseId } as const;
      throw await refuse(request, target, forbidden("owner_or_immigration_office_only"));
    }
    return context;
  };
  const loadOne = async (caseId: string, checklistId: string) => {
    const [checklist] = await loadCaseChecklists(app.db, caseId, { checklistId });
    if (!checklist) throw new Error("checklist vanished");
    return checklist;
  };

  app.get(
    "/api/cases/:id/pathways",
    {
      schema: {
        tags: ["pathways"],
        summary: "Residence pathway checklists of a case (a working aid, not a decision)",
        params: ZIdParams,
        response: { 200: ZPathwayChecklistListResponse, ...errorResponses },
      },
    },
    async (request) => {
      const { actor, access, caseRow } = await requireCaseAccess(request, request.params.id);
      const checklists = await loadCaseChecklists(app.db, caseRow.id);
      await request.audit({
        action: "list",
        targetType: "pathway_checklist",
        caseId: caseRow.id,
        detail: { count: checklists.length },
      });
      return { checklists, mayEdit: canEditPathwayChecklist(actor, access) };
    },
  );

  app.post(
    "/api/cases/:id/pathways",
    {
      schema: {
        tags: ["pathways"],
        summary: "Start a checklist for a pathway (owning agency or immigration office)",
        params: ZIdParams,
        body: ZStartPathwayChecklistRequest,
        response: { 201: ZPathwayChecklist, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { actor, caseRow } = await requireChecklistEditor(request, request.params.id);
      const started = await request.auditedWrite(
        (tx) =>
          startChecklist(tx, {
            caseId: caseRow.id,
            pathwayKey: request.body.pathwayKey,
            userId: actor.userId,
            agencyId: actor.agencyId,
          }),
        (result) => ({
          action: "create",
          targetType: "pathway_checklist",
          targetId: result.id,
          caseId: caseRow.id,
          detail: { pathwayKey: request.body.pathwayKey, templateVersion: result.templateVersion },
        }),
      );
      return reply.status(201).send(await loadOne(caseRow.id, started.id));
    },
  );

  app.put(
    "/api/cases/:id/pathways/:checklistId/prerequisites/:key",
    {
      schema: {
        tags: ["pathways"],
        summary: "Set a prerequisite's status (owning agency or immigration office)",
        params: ZPathwayPrerequisiteParams,
        body: ZSetPathwayStatusRequest,
        response: { 200: ZPathwayChecklist, ...errorResponses },
      },
    },
    async (request) => {
      const { checklistId, key } = request.params;
      const { actor, caseRow } = await requireChecklistEditor(request, request.params.id);
      await request.auditedWrite(
        (tx) =>
          setPrerequisiteStatus(tx, {
            caseId: caseRow.id,
            checklistId,
            key,
            status: request.body.status,
            userId: actor.userId,
            agencyId: actor.agencyId,
          }),
        (result) =>
          result.changed
            ? [
                {
                  action: "change",
                  targetType: "pathway_checklist",
                  targetId: checklistId,
                  caseId: caseRow.id,
                  detail: { prerequisiteKey: key, from: result.from, to: request.body.status },
                },
              ]
            : [],
      );
      return loadOne(caseRow.id, checklistId);
    },
  );

  app.post(
    "/api/cases/:id/pathways/:checklistId/prerequisites/:key/action",
    {
      schema: {
        tags: ["pathways"],
        summary:
          "Create an action for an unmet prerequisite and link it (the rules of adding actions apply)",
        params: ZPathwayPrerequisiteParams,
        body: ZCreatePathwayActionRequest,
        response: { 201: ZPathwayChecklist, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { checklistId, key } = request.params;
      const { notPersonalDataReason, title, conferenceId, ...assignment } = request.body;
      const { actor, caseRow } = await requireChecklistEditor(request, request.params.id);
      const target = { targetType: "case", targetId: caseRow.id } as const;
      const { prerequisite, current } = await findChecklistPrerequisite(app.db, {
        caseId: caseRow.id,
        checklistId,
        key,
      });
      if (current?.status !== "not_met") {
        throw conflict("prerequisite_not_unmet", "Only an unmet prerequisite gets an action");
      }
      const actionTitle = title ?? prerequisite.actionTitleDe;
      const override = guardPublishedTexts(
        [{ where: "title", text: actionTitle }],
        notPersonalDataReason,
      );
      const { event } = await auditingDenials(request, target, () =>
        request.auditedWrite(
          storingOverride(
            override,
            actor,
            async (tx) => {
              const created = await createAction(tx, actor, {
                ...assignment,
                caseId: caseRow.id,
                conferenceId,
                title: actionTitle,
              });
              await linkPrerequisiteAction(tx, { checklistId, key, actionId: created.action.id });
              return created;
            },
            ({ action }) => ({ caseId: caseRow.id, targetType: "action", targetId: action.id }),
          ),
          (created) => [
            {
              action: "create",
              targetType: "action",
              targetId: created.action.id,
              caseId: caseRow.id,
              detail: {
                conferenceId: created.action.conferenceId,
                pathwayChecklistId: checklistId,
                prerequisiteKey: key,
                ...overrideAuditDetail(override),
              },
            },
          ],
        ),
      );
      if (event) app.events.publish(event);
      return reply.status(201).send(await loadOne(caseRow.id, checklistId));
    },
  );
};
