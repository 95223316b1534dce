import {
  ZAgendaTemplate,
  ZAgendaTemplateResponse,
  ZCarryAgendaItemRequest,
  ZCarryAgendaItemResponse,
  ZIdParams,
} from "@runder-tisch/contracts";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import {
  loadAgendaTemplate,
  resetAgendaTemplate,
  saveAgendaTemplate,
} from "../../domain/conferences/agenda-template.ts";
import { carryAgendaItem } from "../../domain/conferences/carry-agenda-item.ts";
import { forbidden } from "../../errors.ts";
import {
  guardPublishedTexts,
  overrideAuditDetail,
  storingOverride,
} from "../../guards/guard-published-text.ts";
import { refuse } from "../../guards/record-denial.ts";
import { requireConferenceAccess } from "../../guards/require-conference-access.ts";
import { requirePermission } from "../../guards/require-permission.ts";
import { berlinClock } from "../../lib/time.ts";
import { isPlatformAdmin } from "../../policies/administration.ts";
import { requireActor } from "../../sessions/request-session.ts";
import { errorResponses } from "../shared.ts";
import { loadConferenceView, viewChanged } from "./load-conference-view.ts";

const denialTarget = (conference: { id: string; caseId: string }) =>
  ({ targetType: "conference", targetId: conference.id, caseId: conference.caseId }) as const;

/** The agenda: the Kreis's template for new conferences, and items carried on to a later one. */
export const agendaRoutes: FastifyPluginAsyncZod = async (app) => {
  const requireAdmin = (request: FastifyRequest) =>
    requirePermission(
      request,
      isPlatformAdmin,
      { targetType: "agenda_template" },
      "platform_admin_only",
    );

  app.get(
    "/api/agenda-template",
    {
      schema: {
        tags: ["conferences"],
        summary: "The agenda every new conference starts with",
        response: { 200: ZAgendaTemplateResponse, ...errorResponses },
      },
    },
    async (request) => {
      requireActor(request);
      return loadAgendaTemplate(app.db);
    },
  );

  app.put(
    "/api/admin/agenda-template",
    {
      schema: {
        tags: ["conferences"],
        summary: "Arrange the agenda of new conferences for the Kreis (platform admin)",
        body: ZAgendaTemplate,
        response: { 200: ZAgendaTemplateResponse, ...errorResponses },
      },
    },
    async (request) => {
      const actor = await requireAdmin(request);
      await request.auditedWrite(
        (tx) => saveAgendaTemplate(tx, actor.userId, request.body),
        () => ({
          action: "change",
          targetType: "agenda_template",
          detail: { items: request.body.items.length },
        }),
      );
      return loadAgendaTemplate(app.db);
    },
  );

  app.delete(
    "/api/admin/agenda-template",
    {
      schema: {
        tags: ["conferences"],
        summary: "Go back to the Fallkonferenz agenda (platform admin)",
        response: { 200: ZAgendaTemplateResponse, ...errorResponses },
      },
    },
    async (request) => {
      await requireAdmin(request);
      await request.auditedWrite(
        (tx) => resetAgendaTemplate(tx),
        () => ({ action: "delete", targetType: "agenda_template" }),
      );
      return loadAgendaTemplate(app.db);
    },
  );

  app.post(
    "/api/conferences/:id/agenda-items",
    {
      schema: {
        tags: ["conferences"],
        summary:
          "Move or copy an agenda item of this conference to a later one of the case (editors of both)",
        params: ZIdParams,
        body: ZCarryAgendaItemRequest,
        response: { 201: ZCarryAgendaItemResponse, ...errorResponses },
      },
    },
    async (request, reply) => {
      const source = await requireConferenceAccess(request, request.params.id, { editable: true });
      const { toConferenceId, title, mode, notPersonalDataReason } = request.body;
      const override = guardPublishedTexts(
        [{ where: "title", text: title }],
        notPersonalDataReason,
      );
      const observerRefusal = () =>
        forbidden("observer_cannot_edit", "Observers do not change the agenda");
      if (source.role !== "editor") {
        throw await refuse(request, denialTarget(source.conference), observerRefusal());
      }
      // Another agency's conference answers exactly like a missing one (and is audited there).
      const target = await requireConferenceAccess(request, toConferenceId);
      if (target.role !== "editor") {
        throw await refuse(request, denialTarget(target.conference), observerRefusal());
      }
      const item = await request.auditedWrite(
        storingOverride(
          override,
          source.actor,
          (tx) => carryAgendaItem(tx, source.conference, target.conference, title),
          () => denialTarget(target.conference),
        ),
        (row) => ({
          action: "change",
          targetType: "conference",
          targetId: target.conference.id,
          caseId: target.conference.caseId,
          detail: {
            agendaItem: row.id,
            mode,
            fromConferenceId: source.conference.id,
            ...overrideAuditDetail(override),
          },
        }),
      );
      const presented = await loadConferenceView(
        app.db,
        { agencyId: source.actor.agencyId, access: target.access },
        target.conference,
        target.caseRow,
      );
      app.events.publish(viewChanged(presented, target.caseRow.ownerAgencyId, source.actor.userId));
      reply.code(201);
      return {
        item: { id: item.id, position: item.position, kind: item.kind, title: item.title },
        toConference: {
          id: target.conference.id,
          title: target.conference.title,
          scheduledAt: target.conference.scheduledAt.toISOString(),
          scheduledOn: berlinClock(target.conference.scheduledAt).day,
        },
      };
    },
  );
};
