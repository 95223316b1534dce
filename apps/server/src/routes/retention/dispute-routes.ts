import {
  type TDisputeTargetType,
  ZDispute,
  ZDisputeListResponse,
  ZIdParams,
  ZLiftDisputeRequest,
  ZRaiseDisputeRequest,
} from "@runder-tisch/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { liftDispute } from "../../domain/retention/lift-dispute.ts";
import { markDisputed } from "../../domain/retention/mark-disputed.ts";
import { presentDispute } from "../../domain/retention/present-dispute.ts";
import {
  guardPublishedTexts,
  overrideAuditDetail,
  storingOverride,
} from "../../guards/guard-published-text.ts";
import { requireCaseAccess } from "../../guards/require-case-access.ts";
import { requireDisputeTarget } from "../../guards/require-dispute-target.ts";
import { errorResponses } from "../shared.ts";
import { listCaseDisputes, loadAgencyNames } from "./list-disputes.ts";

/** Where each kind of entry lives in the API; disputes hang below it. */
const TARGETS: { type: TDisputeTargetType; base: string; label: string }[] = [
  { type: "case", base: "/api/cases/:id", label: "a case" },
  { type: "minutes", base: "/api/minutes/:id", label: "a minutes version" },
  { type: "action_comment", base: "/api/action-comments/:id", label: "an action comment" },
];

/**
 * Restriction of processing (GDPR Art. 18, § 84 SGB X): the owning agency marks
 * an entry the person disputes, and lifts the mark once it is resolved. While
 * marked, the entry is shown and exported with the mark and never deleted.
 */
export const disputeRoutes: FastifyPluginAsyncZod = async (app) => {
  const agencyNames = (ids: (string | null)[]) => loadAgencyNames(app.db, ids);

  for (const target of TARGETS) {
    app.post(
      `${target.base}/dispute`,
      {
        schema: {
          tags: ["retention"],
          summary: `Mark ${target.label} as disputed by the person (owning agency only)`,
          params: ZIdParams,
          body: ZRaiseDisputeRequest,
          response: { 201: ZDispute, ...errorResponses },
        },
      },
      async (request, reply) => {
        const { actor, caseId } = await requireDisputeTarget(
          request,
          target.type,
          request.params.id,
        );
        const disputed = { caseId, targetType: target.type, targetId: request.params.id };
        const override = guardPublishedTexts(
          [{ where: "reason", text: request.body.reason }],
          request.body.notPersonalDataReason,
        );
        const row = await request.auditedWrite(
          storingOverride(
            override,
            actor,
            (tx) => markDisputed(tx, actor, disputed, request.body.reason),
            (mark) => ({ caseId, targetType: "dispute", targetId: mark.id }),
          ),
          // The reason stays with the mark; the audit trail keeps no free text about the person.
          (mark) => ({
            action: "change",
            targetType: "dispute",
            targetId: mark.id,
            caseId,
            detail: {
              disputed: { type: target.type, id: request.params.id },
              state: "raised",
              ...overrideAuditDetail(override),
            },
          }),
        );
        return reply
          .status(201)
          .send(presentDispute(row, await agencyNames([row.raisedByAgencyId])));
      },
    );

    app.post(
      `${target.base}/dispute/lift`,
      {
        schema: {
          tags: ["retention"],
          summary: `Lift the dispute mark of ${target.label} (owning agency only)`,
          params: ZIdParams,
          body: ZLiftDisputeRequest,
          response: { 200: ZDispute, ...errorResponses },
        },
      },
      async (request) => {
        const { actor, caseId } = await requireDisputeTarget(
          request,
          target.type,
          request.params.id,
        );
        const disputed = { caseId, targetType: target.type, targetId: request.params.id };
        const override = guardPublishedTexts(
          [{ where: "note", text: request.body.note ?? "" }],
          request.body.notPersonalDataReason,
        );
        const row = await request.auditedWrite(
          storingOverride(
            override,
            actor,
            (tx) => liftDispute(tx, actor, disputed, request.body.note),
            (mark) => ({ caseId, targetType: "dispute", targetId: mark.id }),
          ),
          (mark) => ({
            action: "change",
            targetType: "dispute",
            targetId: mark.id,
            caseId,
            detail: {
              disputed: { type: target.type, id: request.params.id },
              state: "lifted",
              ...overrideAuditDetail(override),
            },
          }),
        );
        return presentDispute(row, await agencyNames([row.raisedByAgencyId]));
      },
    );
  }

  app.get(
    "/api/cases/:id/disputes",
    {
      schema: {
        tags: ["retention"],
        summary: "Dispute marks on the case and its entries, active and lifted",
        params: ZIdParams,
        response: { 200: ZDisputeListResponse, ...errorResponses },
      },
    },
    async (request) => {
      const { caseRow } = await requireCaseAccess(request, request.params.id);
      const rows = await listCaseDisputes(app.db, caseRow.id);
      await request.audit({
        action: "list",
        targetType: "dispute",
        caseId: caseRow.id,
        detail: { count: rows.length },
      });
      const names = await agencyNames(rows.map((row) => row.raisedByAgencyId));
      return { disputes: rows.map((row) => presentDispute(row, names)) };
    },
  );
};
