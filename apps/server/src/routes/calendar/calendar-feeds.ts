import { type Database, type Executor, schema } from "@runder-tisch/db";
import { and, asc, eq, gte, isNull, lte } from "drizzle-orm";
import type { CalendarConference } from "../../calendar/conference-calendar.ts";
import { randomToken, sha256Hex } from "../../lib/tokens.ts";
import { conferenceVisibleTo } from "../../policies/conference-access.ts";

const DAY_MS = 24 * 60 * 60 * 1000;
/** How far the feed looks back and ahead: enough for planning, small enough to stay cheap. */
const FEED_PAST_DAYS = 30;
const FEED_FUTURE_DAYS = 180;
const FEED_MAX_ENTRIES = 1000;

/**
 * A new secret feed address for the person; any earlier one stops working in the same
 * transaction, so a leaked address is ended by making a new one. Only the hash is stored.
 */
export async function createCalendarFeed(
  db: Executor,
  userId: string,
  now: Date = new Date(),
): Promise<{ token: string; createdAt: Date }> {
  const token = randomToken();
  await revokeCalendarFeed(db, userId, now);
  await db
    .insert(schema.calendarFeeds)
    .values({ tokenHash: sha256Hex(token), userId, createdAt: now });
  return { token, createdAt: now };
}

/** Ends every feed address of the person; says whether there was one. */
export async function revokeCalendarFeed(
  db: Executor,
  userId: string,
  now: Date = new Date(),
): Promise<boolean> {
  const revoked = await db
    .update(schema.calendarFeeds)
    .set({ revokedAt: now })
    .where(and(eq(schema.calendarFeeds.userId, userId), isNull(schema.calendarFeeds.revokedAt)))
    .returning({ tokenHash: schema.calendarFeeds.tokenHash });
  return revoked.length > 0;
}

/** The person's live feed, if any (without its token, which is not kept). */
export async function findCalendarFeed(db: Executor, userId: string) {
  const [feed] = await db
    .select({
      createdAt: schema.calendarFeeds.createdAt,
      lastUsedAt: schema.calendarFeeds.lastUsedAt,
    })
    .from(schema.calendarFeeds)
    .where(and(eq(schema.calendarFeeds.userId, userId), isNull(schema.calendarFeeds.revokedAt)))
    .limit(1);
  return feed ?? null;
}

/**
 * Whose feed a token opens: only a live token of an enabled person in an active agency.
 * Marks it used, so the account page can show whether a calendar still reads it.
 */
export async function findFeedOwner(
  db: Executor,
  token: string,
  now: Date = new Date(),
): Promise<{ userId: string; agencyId: string } | null> {
  const tokenHash = sha256Hex(token);
  const [owner] = await db
    .select({ userId: schema.users.id, agencyId: schema.users.agencyId })
    .from(schema.calendarFeeds)
    .innerJoin(schema.users, eq(schema.users.id, schema.calendarFeeds.userId))
    .innerJoin(schema.agencies, eq(schema.agencies.id, schema.users.agencyId))
    .where(
      and(
        eq(schema.calendarFeeds.tokenHash, tokenHash),
        isNull(schema.calendarFeeds.revokedAt),
        isNull(schema.users.disabledAt),
        eq(schema.agencies.active, true),
      ),
    )
    .limit(1);
  if (!owner) return null;
  await db
    .update(schema.calendarFeeds)
    .set({ lastUsedAt: now })
    .where(eq(schema.calendarFeeds.tokenHash, tokenHash));
  return owner;
}

/** The conferences the agency may see now (the same SQL rule as every list), around today. */
export async function listFeedConferences(
  db: Database,
  agencyId: string,
  now: Date = new Date(),
): Promise<Array<CalendarConference & { caseId: string }>> {
  return db
    .select({
      id: schema.conferences.id,
      caseId: schema.conferences.caseId,
      caseCode: schema.cases.code,
      scheduledAt: schema.conferences.scheduledAt,
      durationMinutes: schema.conferences.durationMinutes,
      location: schema.conferences.location,
      videoLink: schema.conferences.videoLink,
      status: schema.conferences.status,
      calendarSequence: schema.conferences.calendarSequence,
    })
    .from(schema.conferences)
    .innerJoin(schema.cases, eq(schema.cases.id, schema.conferences.caseId))
    .where(
      and(
        conferenceVisibleTo(agencyId),
        gte(schema.conferences.scheduledAt, new Date(now.getTime() - FEED_PAST_DAYS * DAY_MS)),
        lte(schema.conferences.scheduledAt, new Date(now.getTime() + FEED_FUTURE_DAYS * DAY_MS)),
      ),
    )
    .orderBy(asc(schema.conferences.scheduledAt), asc(schema.conferences.id))
    .limit(FEED_MAX_ENTRIES);
}
