import {
  ZDeclineReferralRequest,
  ZEmptyReferralRequest,
  ZIdParams,
  ZReferral,
  ZReferralListResponse,
} from "@runder-tisch/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { RequestAuditEntry } from "../../audit/audit-trail.ts";
import { coordinatorsOf } from "../../domain/notifications/create-notifications.ts";
import {
  guardPublishedTexts,
  overrideAuditDetail,
  storingOverride,
} from "../../guards/guard-published-text.ts";
import { auditingDenials } from "../../guards/record-denial.ts";
import { todayInBerlin } from "../../lib/time.ts";
import type { Actor } from "../../policies/actor.ts";
import { requireActor } from "../../sessions/request-session.ts";
import { errorResponses } from "../shared.ts";
import {
  type AcceptedReferral,
  acceptReferral,
  declineReferral,
  withdrawReferral,
} from "./decide-referral.ts";
import { findIncomingReferrals, findReferral } from "./find-referrals.ts";
import { presentReferral } from "./present-referral.ts";

/** The referral answered and, when it recorded one, the sharing basis it started. */
function describeAcceptance({ referral, basisId }: AcceptedReferral): RequestAuditEntry[] {
  const transfer = referral.kind === "transfer";
  const entries: RequestAuditEntry[] = [
    {
      action: "change",
      targetType: "referral",
      targetId: referral.id,
      caseId: referral.caseId,
      detail: {
        status: "accepted",
        kind: referral.kind,
        ...(transfer ? { ownerFrom: referral.fromAgencyId, ownerTo: referral.toAgencyId } : {}),
      },
    },
  ];
  if (basisId) {
    entries.push({
      action: "create",
      targetType: "sharing_basis",
      targetId: basisId,
      caseId: referral.caseId,
      detail: {
        agencyId: transfer ? referral.fromAgencyId : referral.toAgencyId,
        categories: referral.categories,
        legalBasis: referral.legalBasis,
        referralId: referral.id,
      },
    });
  }
  return entries;
}

/**
 * The asked agency's side: its list of requests, and accepting or declining them; and
 * the asking agency withdrawing one. A referral is known only to its two agencies; to
 * anyone else it answers like one that does not exist.
 */
export const referralRoutes: FastifyPluginAsyncZod = async (app) => {
  const present = async (actor: Actor, referralId: string) => {
    const record = await findReferral(app.db, referralId);
    if (!record) throw new Error(`referral ${referralId} vanished after writing it`);
    const deciders = await coordinatorsOf(app.db, actor.agencyId);
    return presentReferral(record, { actor, deciders });
  };
  const target = (referralId: string) =>
    ({ targetType: "referral", targetId: referralId, caseId: null }) as const;

  app.get(
    "/api/referrals/incoming",
    {
      schema: {
        tags: ["referrals"],
        summary: "Requests to my agency: the open ones and those answered lately",
        response: { 200: ZReferralListResponse, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const records = await findIncomingReferrals(app.db, actor.agencyId);
      await request.audit({
        action: "list",
        targetType: "referral",
        detail: { count: records.length, incoming: true },
      });
      const deciders = await coordinatorsOf(app.db, actor.agencyId);
      return {
        referrals: records.map((record) => presentReferral(record, { actor, deciders })),
      };
    },
  );

  app.post(
    "/api/referrals/:id/accept",
    {
      schema: {
        tags: ["referrals"],
        summary: "Accept a request: my agency receives the case, or takes it over (coordinators)",
        params: ZIdParams,
        body: ZEmptyReferralRequest,
        response: { 200: ZReferral, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { id } = request.params;
      const accepted = await auditingDenials(request, target(id), () =>
        request.auditedWrite(
          (tx) => acceptReferral(tx, actor, id, todayInBerlin()),
          describeAcceptance,
        ),
      );
      if (accepted.notified.length > 0) {
        app.events.publish({ kind: "notification.created", userIds: accepted.notified });
      }
      // Only now, after the commit: the agency that gave the case away loses its open views.
      if (accepted.agencyCutOff) {
        app.events.publish({
          kind: "access.revoked",
          caseId: accepted.referral.caseId,
          agencyId: accepted.agencyCutOff,
        });
      }
      return present(actor, id);
    },
  );

  app.post(
    "/api/referrals/:id/decline",
    {
      schema: {
        tags: ["referrals"],
        summary: "Decline a request, saying why (coordinators of the agency asked)",
        params: ZIdParams,
        body: ZDeclineReferralRequest,
        response: { 200: ZReferral, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { id } = request.params;
      const { reason, notPersonalDataReason } = request.body;
      const override = guardPublishedTexts(
        [{ where: "reason", text: reason }],
        notPersonalDataReason,
      );
      const declined = await auditingDenials(request, target(id), () =>
        request.auditedWrite(
          storingOverride(
            override,
            actor,
            (tx) => declineReferral(tx, actor, id, reason),
            ({ referral }) => ({ caseId: referral.caseId, targetType: "referral", targetId: id }),
          ),
          ({ referral }) => ({
            action: "change",
            targetType: "referral",
            targetId: id,
            caseId: referral.caseId,
            detail: { status: "declined", ...overrideAuditDetail(override) },
          }),
        ),
      );
      if (declined.notified.length > 0) {
        app.events.publish({ kind: "notification.created", userIds: declined.notified });
      }
      return present(actor, id);
    },
  );

  app.post(
    "/api/referrals/:id/withdraw",
    {
      schema: {
        tags: ["referrals"],
        summary: "Withdraw an unanswered request (the asking agency)",
        params: ZIdParams,
        body: ZEmptyReferralRequest,
        response: { 200: ZReferral, ...errorResponses },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { id } = request.params;
      await auditingDenials(request, target(id), () =>
        request.auditedWrite(
          (tx) => withdrawReferral(tx, actor, id),
          (referral) => ({
            action: "change",
            targetType: "referral",
            targetId: id,
            caseId: referral.caseId,
            detail: { status: "withdrawn" },
          }),
        ),
      );
      return present(actor, id);
    },
  );
};
