import { type Executor, schema } from "@runder-tisch/db";
import { and, eq, gte, isNotNull, isNull, lte } from "drizzle-orm";
import { addDays, todayInBerlin } from "../../lib/time.ts";
import { coordinatorsOf, createNotifications } from "./create-notifications.ts";

/** A basis ending within this many days (today included) is "expiring". */
export const BASIS_EXPIRING_DAYS = 14;

/**
 * Tells the coordinators of the case's owning agency (who record and renew bases) that an
 * active sharing basis of an open case ends within two weeks: time to ask for a new consent
 * before the partner loses access. Once per basis, end date and person: a basis extended
 * and nearing its new end is announced again.
 */
export async function notifyBasesExpiring(db: Executor, now: Date): Promise<string[]> {
  const today = todayInBerlin(now);
  const bases = schema.sharingBases;
  const expiring = await db
    .select({
      id: bases.id,
      caseId: bases.caseId,
      validUntil: bases.validUntil,
      ownerAgencyId: schema.cases.ownerAgencyId,
    })
    .from(bases)
    .innerJoin(schema.cases, eq(schema.cases.id, bases.caseId))
    .where(
      and(
        eq(schema.cases.status, "open"),
        isNull(bases.revokedAt),
        isNotNull(bases.validUntil),
        gte(bases.validUntil, today),
        lte(bases.validUntil, addDays(today, BASIS_EXPIRING_DAYS)),
      ),
    );
  const notified = new Set<string>();
  for (const basis of expiring) {
    const userIds = await createNotifications(db, {
      kind: "sharing_basis_expiring",
      caseId: basis.caseId,
      recipientIds: await coordinatorsOf(db, basis.ownerAgencyId),
      actorUserId: null,
      dedupeKey: `sharing_basis_expiring:${basis.id}:${basis.validUntil}`,
    });
    for (const id of userIds) notified.add(id);
  }
  return [...notified];
}
