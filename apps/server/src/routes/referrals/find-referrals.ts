import { type Executor, schema } from "@runder-tisch/db";
import { and, desc, eq, gt, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";

const fromAgency = alias(schema.agencies, "from_agency");
const toAgency = alias(schema.agencies, "to_agency");
const requester = alias(schema.users, "requester");
const decider = alias(schema.users, "decider");

/** Referrals with the names and the case code the presenter needs, open ones first. */
function selectReferrals(db: Executor, where: SQL) {
  const r = schema.referrals;
  return db
    .select({
      referral: r,
      caseCode: schema.cases.code,
      fromAgency: { id: fromAgency.id, name: fromAgency.name },
      toAgency: { id: toAgency.id, name: toAgency.name },
      requestedBy: { id: requester.id, displayName: requester.displayName },
      decidedBy: { id: decider.id, displayName: decider.displayName },
    })
    .from(r)
    .innerJoin(schema.cases, eq(schema.cases.id, r.caseId))
    .innerJoin(fromAgency, eq(fromAgency.id, r.fromAgencyId))
    .innerJoin(toAgency, eq(toAgency.id, r.toAgencyId))
    .innerJoin(requester, eq(requester.id, r.requestedBy))
    .leftJoin(decider, eq(decider.id, r.decidedBy))
    .where(where)
    .orderBy(sql`${r.status} = 'pending' desc`, desc(r.createdAt), desc(r.id));
}

export type ReferralRecord = Awaited<ReturnType<typeof selectReferrals>>[number];

export const findCaseReferrals = (db: Executor, caseId: string) =>
  selectReferrals(db, eq(schema.referrals.caseId, caseId));

export async function findReferral(db: Executor, referralId: string) {
  const [record] = await selectReferrals(db, eq(schema.referrals.id, referralId));
  return record ?? null;
}

/** How long a decided referral stays in the asked agency's list. */
const RECENT_DAYS = 90;

/** Asked of this agency: every open one, and those decided or withdrawn lately. */
export function findIncomingReferrals(db: Executor, agencyId: string) {
  const r = schema.referrals;
  return selectReferrals(
    db,
    and(
      eq(r.toAgencyId, agencyId),
      or(
        eq(r.status, "pending"),
        gt(r.createdAt, sql`now() - make_interval(days => ${RECENT_DAYS})`),
      ),
    ) as SQL,
  ).limit(200);
}
