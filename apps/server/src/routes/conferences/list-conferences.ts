import { type Database, schema } from "@runder-tisch/db";
import { and, asc, desc, eq, gte, inArray, type SQL } from "drizzle-orm";
import { conferenceVisibleTo } from "../../policies/conference-access.ts";
import { conferenceRoleOf } from "../../policies/conference-rules.ts";
import { loadConferenceDetails } from "./load-conference-details.ts";
import type { ConferenceView } from "./present-conference.ts";

/** A conference that started up to this long ago still counts as upcoming (it may run late). */
const UPCOMING_GRACE_MS = 12 * 60 * 60 * 1000;

async function listVisibleConferences(
  db: Database,
  agencyId: string,
  options: { where: SQL[]; orderBy: SQL; limit: number },
): Promise<ConferenceView[]> {
  const rows = await db
    .select({
      conference: schema.conferences,
      caseCode: schema.cases.code,
      ownerAgencyId: schema.cases.ownerAgencyId,
    })
    .from(schema.conferences)
    .innerJoin(schema.cases, eq(schema.cases.id, schema.conferences.caseId))
    .where(and(conferenceVisibleTo(agencyId), ...options.where))
    .orderBy(options.orderBy, asc(schema.conferences.id))
    .limit(options.limit);
  const details = await loadConferenceDetails(
    db,
    rows.map((row) => row.conference.id),
  );
  return rows.map(({ conference, caseCode, ownerAgencyId }) => {
    const { participants = [], agenda = [] } = details.get(conference.id) ?? {};
    const isOwner = ownerAgencyId === agencyId;
    // The SQL above already checked visibility; only the agency's role is left to work out.
    const { role } = conferenceRoleOf(agencyId, { isOwner, specialCategory: false }, participants);
    return { conference, caseCode, participants, agenda, isOwner, role };
  });
}

/** Conferences of one case the agency may see, newest scheduled first. */
export function listCaseConferences(db: Database, agencyId: string, caseId: string) {
  return listVisibleConferences(db, agencyId, {
    where: [eq(schema.conferences.caseId, caseId)],
    orderBy: desc(schema.conferences.scheduledAt),
    limit: 500,
  });
}

/** Planned or running conferences the agency owns or is invited to, soonest first. */
export function listUpcomingConferences(
  db: Database,
  agencyId: string,
  limit: number,
  now: Date = new Date(),
) {
  return listVisibleConferences(db, agencyId, {
    where: [
      inArray(schema.conferences.status, ["planned", "live"]),
      gte(schema.conferences.scheduledAt, new Date(now.getTime() - UPCOMING_GRACE_MS)),
    ],
    orderBy: asc(schema.conferences.scheduledAt),
    limit,
  });
}

/** Concluded conferences of cases the agency owns: their minutes wait for a coordinator. */
export function listConferencesAwaitingMinutes(db: Database, agencyId: string) {
  return listVisibleConferences(db, agencyId, {
    where: [eq(schema.conferences.status, "concluded"), eq(schema.cases.ownerAgencyId, agencyId)],
    orderBy: asc(schema.conferences.concludedAt),
    limit: 200,
  });
}
