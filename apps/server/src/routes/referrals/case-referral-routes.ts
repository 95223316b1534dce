import {
  ZCreateReferralRequest,
  ZIdParams,
  ZReferral,
  ZReferralListResponse,
} from "@runder-tisch/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { coordinatorsOf } from "../../domain/notifications/create-notifications.ts";
import {
  guardPublishedTexts,
  overrideAuditDetail,
  storingOverride,
} from "../../guards/guard-published-text.ts";
import { requireCaseAccess } from "../../guards/require-case-access.ts";
import { todayInBerlin } from "../../lib/time.ts";
import { errorResponses } from "../shared.ts";
import { createReferral } from "./create-referral.ts";
import { findCaseReferrals, findReferral } from "./find-referrals.ts";
import { presentReferral } from "./present-referral.ts";

/**
 * The owning agency asks another agency to join the case or to take it over, and
 * follows what became of its requests. Nothing changes in access until the asked
 * agency accepts (see referral-routes.ts).
 */
export const caseReferralRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api/cases/:id/referrals",
    {
      schema: {
        tags: ["referrals"],
        summary: "Requests to other agencies to join or take over the case (owner only)",
        params: ZIdParams,
        response: { 200: ZReferralListResponse, ...errorResponses },
      },
    },
    async (request) => {
      const { caseRow, actor } = await requireCaseAccess(request, request.params.id, {
        ownerOnly: true,
      });
      const records = await findCaseReferrals(app.db, caseRow.id);
      await request.audit({
        action: "list",
        targetType: "referral",
        caseId: caseRow.id,
        detail: { count: records.length },
      });
      return {
        referrals: records.map((record) => presentReferral(record, { actor, deciders: [] })),
      };
    },
  );

  app.post(
    "/api/cases/:id/referrals",
    {
      schema: {
        tags: ["referrals"],
        summary: "Ask another agency to join or take over the case (owner only)",
        params: ZIdParams,
        body: ZCreateReferralRequest,
        response: { 201: ZReferral, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { caseRow, actor } = await requireCaseAccess(request, request.params.id, {
        ownerOnly: true,
      });
      const { notPersonalDataReason, ...input } = request.body;
      const override = guardPublishedTexts(
        [{ where: "message", text: input.message }],
        notPersonalDataReason,
      );
      const created = await request.auditedWrite(
        storingOverride(
          override,
          actor,
          (tx) => createReferral(tx, caseRow, actor, input, todayInBerlin()),
          ({ id }) => ({ caseId: caseRow.id, targetType: "referral", targetId: id }),
        ),
        ({ id }) => ({
          action: "create",
          targetType: "referral",
          targetId: id,
          caseId: caseRow.id,
          detail: {
            kind: input.kind,
            agencyId: input.agencyId,
            categories: input.basis?.categories ?? null,
            legalBasis: input.basis?.legalBasis.kind ?? null,
            ...overrideAuditDetail(override),
          },
        }),
      );
      if (created.notified.length > 0) {
        app.events.publish({ kind: "notification.created", userIds: created.notified });
      }
      const record = await findReferral(app.db, created.id);
      if (!record) throw new Error(`referral ${created.id} vanished after writing it`);
      const deciders = await coordinatorsOf(app.db, actor.agencyId);
      return reply.status(201).send(presentReferral(record, { actor, deciders }));
    },
  );
};
