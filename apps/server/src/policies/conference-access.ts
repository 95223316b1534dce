import type { TConferenceStatus, TParticipantRole } from "@runder-tisch/contracts";
import { type Executor, schema } from "@runder-tisch/db";
import { and, asc, eq, or, type SQL, sql } from "drizzle-orm";
import { todayInBerlin } from "../lib/time.ts";
import {
  agencyCanSeeCase,
  type CaseAccess,
  type CaseRow,
  caseVisibleTo,
  findAccessibleCase,
} from "./case-access.ts";
import { conferenceRoleOf } from "./conference-rules.ts";

/**
 * Who may reach a conference, for single loads (routes, websocket) and for lists.
 * The rule itself is `conferenceRoleOf`: owner of the case, or an invited agency
 * that can still see the case.
 */

export type ConferenceRow = schema.ConferenceRow;

export interface ConferenceParticipant {
  agencyId: string;
  agencyName: string;
  role: TParticipantRole;
  /** Whether the agency can still see the case; loaded for presentation only. */
  hasAccess?: boolean;
}

export interface ConferenceAccess {
  conference: ConferenceRow;
  participants: ConferenceParticipant[];
  caseRow: CaseRow;
  access: CaseAccess;
  role: TParticipantRole | null;
}

/** The same rule as a SQL condition on `conferences` joined with `cases`, for lists. */
export function conferenceVisibleTo(agencyId: string, today: string = todayInBerlin()): SQL {
  const participants = schema.conferenceParticipants;
  const invited = sql`exists (select 1 from ${participants}
    where ${participants.conferenceId} = ${schema.conferences.id}
    and ${participants.agencyId} = ${agencyId})`;
  return and(
    caseVisibleTo(agencyId, today),
    or(eq(schema.cases.ownerAgencyId, agencyId), invited),
  ) as SQL;
}

export async function loadConferenceParticipants(
  db: Executor,
  conferenceId: string,
): Promise<ConferenceParticipant[]> {
  const rows = await db
    .select({
      agencyId: schema.conferenceParticipants.agencyId,
      agencyName: schema.agencies.name,
      role: schema.conferenceParticipants.role,
    })
    .from(schema.conferenceParticipants)
    .innerJoin(schema.agencies, eq(schema.agencies.id, schema.conferenceParticipants.agencyId))
    .where(eq(schema.conferenceParticipants.conferenceId, conferenceId))
    .orderBy(asc(schema.agencies.name));
  return rows;
}

/** Loads a conference with the agency's access to it, or null when the agency may not see it. */
export async function findAccessibleConference(
  db: Executor,
  agencyId: string,
  conferenceId: string,
  today: string = todayInBerlin(),
): Promise<ConferenceAccess | null> {
  const [conference] = await db
    .select()
    .from(schema.conferences)
    .where(eq(schema.conferences.id, conferenceId));
  if (!conference) return null;
  const found = await findAccessibleCase(db, agencyId, conference.caseId, today);
  if (!found) return null;
  const participants = await loadConferenceParticipants(db, conference.id);
  const { visible, role } = conferenceRoleOf(agencyId, found.access, participants);
  if (!visible) return null;
  return { conference, participants, caseRow: found.caseRow, access: found.access, role };
}

/**
 * The agencies among `agencyIds` that could not see the case right now and so
 * may not be invited; unknown agency ids are among them.
 */
export async function agenciesUnableToSeeCase(
  db: Executor,
  caseId: string,
  agencyIds: readonly string[],
): Promise<string[]> {
  const unable: string[] = [];
  for (const agencyId of agencyIds) {
    if (!(await agencyCanSeeCase(db, agencyId, caseId))) unable.push(agencyId);
  }
  return unable;
}

/** Minutes are final once finalised: nothing about the conference changes after that. */
export const isConferenceLocked = (conference: { status: string }) =>
  conference.status === "finalised";

/** A called-off conference is not started, changed or opened as a room any more. */
export const isConferenceCancelled = (conference: { status: string }) =>
  conference.status === "cancelled";

/**
 * The lifecycle runs forward one step at a time: planned → live → concluded → finalised.
 * Calling it off (cancelled) is a side exit open only before it began.
 */
const NEXT_STATUSES: Record<TConferenceStatus, readonly TConferenceStatus[]> = {
  planned: ["live", "cancelled"],
  live: ["concluded"],
  concluded: ["finalised"],
  finalised: [],
  cancelled: [],
};

export function canTransitionConference(from: TConferenceStatus, to: TConferenceStatus): boolean {
  return NEXT_STATUSES[from]?.includes(to) ?? false;
}
