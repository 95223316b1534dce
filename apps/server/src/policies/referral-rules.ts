import type { NotificationKind } from "@runder-tisch/contracts";
import { schema } from "@runder-tisch/db";
import { type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Actor } from "./actor.ts";

interface ReferralForRule {
  fromAgencyId: string;
  toAgencyId: string;
  status: string;
}

/** Only the two agencies of a referral know of it; to anyone else it does not exist. */
export const isReferralParty = (actor: Actor, referral: ReferralForRule) =>
  actor.agencyId === referral.fromAgencyId || actor.agencyId === referral.toAgencyId;

/**
 * The asked agency's coordinators decide (`deciders`: coordinatorsOf that agency, which
 * are all its members when it has no coordinator), and only while the referral is open.
 */
export const mayDecideReferral = (
  actor: Actor,
  referral: ReferralForRule,
  deciders: readonly string[],
) =>
  referral.status === "pending" &&
  actor.agencyId === referral.toAgencyId &&
  deciders.includes(actor.userId);

/** The asking agency may take back its question while nobody has answered it. */
export const mayWithdrawReferral = (actor: Actor, referral: ReferralForRule) =>
  referral.status === "pending" && actor.agencyId === referral.fromAgencyId;

export const REFERRAL_NOTIFICATION_KINDS: readonly NotificationKind[] = [
  "referral_requested",
  "referral_accepted",
  "referral_declined",
];

/**
 * SQL condition on `notifications`: a notification about a referral reaches the agencies
 * of a referral of that case even while they do not see the case (the asked agency before
 * accepting, the asking one after handing a case over). It shows nothing but the case code.
 */
export function referralNotificationVisibleTo(agency: string | AnyPgColumn): SQL {
  const n = schema.notifications;
  const r = schema.referrals;
  const kinds = sql.join(
    REFERRAL_NOTIFICATION_KINDS.map((kind) => sql`${kind}`),
    sql`, `,
  );
  return sql`(${n.kind} in (${kinds}) and exists (select 1 from ${r}
    where ${r.caseId} = ${n.caseId} and (${r.toAgencyId} = ${agency} or ${r.fromAgencyId} = ${agency})))`;
}
