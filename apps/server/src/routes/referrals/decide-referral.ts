import { type Executor, schema } from "@runder-tisch/db";
import { and, eq, isNull, ne, sql } from "drizzle-orm";
import {
  coordinatorsOf,
  createNotifications,
} from "../../domain/notifications/create-notifications.ts";
import { conflict, forbidden, notFound } from "../../errors.ts";
import type { Actor } from "../../policies/actor.ts";
import {
  isReferralParty,
  mayDecideReferral,
  mayWithdrawReferral,
} from "../../policies/referral-rules.ts";
import { grantSharingBasis } from "../sharing/grant-sharing-basis.ts";
import { basisOfReferral } from "./referral-basis.ts";

type ReferralRow = typeof schema.referrals.$inferSelect;

/** The owner's note on a basis that ended because its agency took the case over. */
const TAKEN_OVER_NOTE = "Mit der Übernahme des Falls gegenstandslos";

/**
 * Locks the referral for the decision. One the actor's agency is no party to does not
 * exist for it; one already answered cannot be answered again.
 */
async function lockOpenReferral(tx: Executor, actor: Actor, referralId: string) {
  const [referral] = await tx
    .select()
    .from(schema.referrals)
    .where(eq(schema.referrals.id, referralId))
    .for("update");
  if (!referral || !isReferralParty(actor, referral)) throw notFound("Referral");
  if (referral.status !== "pending") {
    throw conflict("referral_not_pending", `This request is already ${referral.status}`);
  }
  return referral;
}

async function requireDecider(tx: Executor, actor: Actor, referral: ReferralRow) {
  if (actor.agencyId !== referral.toAgencyId) {
    throw forbidden("not_asked_agency", "Only the agency asked can answer this request");
  }
  const deciders = await coordinatorsOf(tx, referral.toAgencyId);
  if (!mayDecideReferral(actor, referral, deciders)) {
    throw forbidden("coordinator_only", "Only a coordinator of your agency can answer requests");
  }
}

const notifyRequester = (
  tx: Executor,
  referral: ReferralRow,
  actor: Actor,
  kind: "referral_accepted" | "referral_declined",
) =>
  createNotifications(tx, {
    kind,
    caseId: referral.caseId,
    recipientIds: [referral.requestedBy],
    actorUserId: actor.userId,
    dedupeKey: `${kind}:${referral.id}`,
  });

export interface AcceptedReferral {
  referral: ReferralRow;
  basisId: string | null;
  /** After a transfer without a basis left behind: the agency that gave the case away. */
  agencyCutOff: string | null;
  notified: string[];
}

/**
 * Accepting starts the access the referral asked for, in this one transaction: a share
 * records its sharing basis (by the person who asked); a transfer makes the asked agency
 * the owner and leaves the previous owner only the basis the request named, if any.
 */
export async function acceptReferral(
  db: Executor,
  actor: Actor,
  referralId: string,
  today: string,
): Promise<AcceptedReferral> {
  return db.transaction(async (tx) => {
    const referral = await lockOpenReferral(tx, actor, referralId);
    await requireDecider(tx, actor, referral);
    const [caseRow] = await tx
      .select({ id: schema.cases.id, ownerAgencyId: schema.cases.ownerAgencyId })
      .from(schema.cases)
      .where(eq(schema.cases.id, referral.caseId))
      .for("update");
    if (!caseRow) throw notFound("Referral");
    if (caseRow.ownerAgencyId !== referral.fromAgencyId) {
      throw conflict("referral_not_pending", "The asking agency no longer owns the case");
    }
    const requester = { userId: referral.requestedBy };
    const basis = basisOfReferral(referral);
    let basisId: string | null = null;
    let agencyCutOff: string | null = null;
    if (referral.kind === "share") {
      if (!basis) throw new Error(`share referral ${referral.id} has no basis`);
      basisId = await grantSharingBasis(
        tx,
        caseRow,
        requester,
        { agencyId: referral.toAgencyId, ...basis },
        today,
      );
    } else {
      await transferOwnership(tx, referral, actor);
      const newOwner = { id: caseRow.id, ownerAgencyId: referral.toAgencyId };
      if (basis) {
        basisId = await grantSharingBasis(
          tx,
          newOwner,
          requester,
          { agencyId: referral.fromAgencyId, ...basis },
          today,
        );
      } else {
        agencyCutOff = referral.fromAgencyId;
      }
    }
    const [accepted] = await tx
      .update(schema.referrals)
      .set({
        status: "accepted",
        decidedBy: actor.userId,
        decidedAt: new Date(),
        sharingBasisId: basisId,
      })
      .where(eq(schema.referrals.id, referral.id))
      .returning();
    if (!accepted) throw new Error(`referral ${referral.id} vanished while accepting`);
    const notified = await notifyRequester(tx, referral, actor, "referral_accepted");
    return { referral: accepted, basisId, agencyCutOff, notified };
  });
}

/**
 * The case changes hands. The new owner's own sharing bases end (owning, it needs none,
 * and one left active would let it keep the case after handing it on again). Open
 * requests the previous owner sent for it lapse (it no longer speaks for the case), and
 * the access version moves on, so open sockets of the previous owner are checked again
 * at once.
 */
async function transferOwnership(tx: Executor, referral: ReferralRow, actor: Actor) {
  const now = new Date();
  await tx
    .update(schema.cases)
    .set({ ownerAgencyId: referral.toAgencyId, updatedAt: now })
    .where(eq(schema.cases.id, referral.caseId));
  await tx
    .update(schema.sharingBases)
    .set({ revokedAt: now, revokedBy: actor.userId, revocationNote: TAKEN_OVER_NOTE })
    .where(
      and(
        eq(schema.sharingBases.caseId, referral.caseId),
        eq(schema.sharingBases.agencyId, referral.toAgencyId),
        isNull(schema.sharingBases.revokedAt),
      ),
    );
  await tx
    .update(schema.referrals)
    .set({ status: "withdrawn", decidedAt: now })
    .where(
      and(
        eq(schema.referrals.caseId, referral.caseId),
        eq(schema.referrals.status, "pending"),
        ne(schema.referrals.id, referral.id),
      ),
    );
  await tx
    .update(schema.accessVersion)
    .set({ value: sql`${schema.accessVersion.value} + 1` })
    .where(eq(schema.accessVersion.id, 1));
}

export async function declineReferral(
  db: Executor,
  actor: Actor,
  referralId: string,
  reason: string,
): Promise<{ referral: ReferralRow; notified: string[] }> {
  return db.transaction(async (tx) => {
    const referral = await lockOpenReferral(tx, actor, referralId);
    await requireDecider(tx, actor, referral);
    const [declined] = await tx
      .update(schema.referrals)
      .set({
        status: "declined",
        decidedBy: actor.userId,
        decidedAt: new Date(),
        declineReason: reason,
      })
      .where(eq(schema.referrals.id, referral.id))
      .returning();
    if (!declined) throw new Error(`referral ${referral.id} vanished while declining`);
    const notified = await notifyRequester(tx, referral, actor, "referral_declined");
    return { referral: declined, notified };
  });
}

export async function withdrawReferral(
  db: Executor,
  actor: Actor,
  referralId: string,
): Promise<ReferralRow> {
  return db.transaction(async (tx) => {
    const referral = await lockOpenReferral(tx, actor, referralId);
    if (!mayWithdrawReferral(actor, referral)) {
      throw forbidden("owner_only", "Only the asking agency can withdraw its request");
    }
    const [withdrawn] = await tx
      .update(schema.referrals)
      .set({ status: "withdrawn", decidedBy: actor.userId, decidedAt: new Date() })
      .where(eq(schema.referrals.id, referral.id))
      .returning();
    if (!withdrawn) throw new Error(`referral ${referral.id} vanished while withdrawing`);
    return withdrawn;
  });
}
