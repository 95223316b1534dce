import type { TReferral } from "@runder-tisch/contracts";
import type { Actor } from "../../policies/actor.ts";
import { mayDecideReferral, mayWithdrawReferral } from "../../policies/referral-rules.ts";
import type { ReferralRecord } from "./find-referrals.ts";
import { basisOfReferral } from "./referral-basis.ts";

/**
 * One referral for either agency. It names the case by its code only: whatever else the
 * asked agency may learn of the case waits until it has accepted.
 */
export function presentReferral(
  record: ReferralRecord,
  reader: { actor: Actor; deciders: readonly string[] },
): TReferral {
  const { referral } = record;
  return {
    id: referral.id,
    caseId: referral.caseId,
    caseCode: record.caseCode,
    kind: referral.kind,
    status: referral.status,
    fromAgency: record.fromAgency,
    toAgency: record.toAgency,
    basis: basisOfReferral(referral),
    message: referral.message,
    requestedBy: record.requestedBy,
    createdAt: referral.createdAt.toISOString(),
    decidedBy: record.decidedBy,
    decidedAt: referral.decidedAt?.toISOString() ?? null,
    declineReason: referral.declineReason,
    mayDecide: mayDecideReferral(reader.actor, referral, reader.deciders),
    mayWithdraw: mayWithdrawReferral(reader.actor, referral),
  };
}
