import type { TParticipantRole } from "@runder-tisch/contracts";
import { type Executor, schema } from "@runder-tisch/db";
import { and, eq } from "drizzle-orm";
import { isSteeringMember } from "./steering-membership.ts";

/** How a person stands to one working group. */
export interface WorkingGroupStanding {
  /** Named to the group: takes part in its meetings, topics and actions. */
  member: boolean;
  /** In the steering group: founds groups, names members, gives topics, and may look in. */
  steering: boolean;
}

export async function workingGroupStanding(
  db: Executor,
  userId: string,
  workingGroupId: string,
): Promise<WorkingGroupStanding> {
  const [row] = await db
    .select({ userId: schema.workingGroupMembers.userId })
    .from(schema.workingGroupMembers)
    .where(
      and(
        eq(schema.workingGroupMembers.workingGroupId, workingGroupId),
        eq(schema.workingGroupMembers.userId, userId),
      ),
    );
  return { member: row !== undefined, steering: await isSteeringMember(db, userId) };
}

/** Members and the steering group see a group; nobody else learns that it exists. */
export const maySeeWorkingGroup = (standing: WorkingGroupStanding): boolean =>
  standing.member || standing.steering;

/**
 * A systemic action's status is kept by the agency that owns it; the group's members
 * may set it too (they follow up on what they asked for).
 */
export const mayKeepSystemicAction = (
  standing: WorkingGroupStanding,
  actorAgencyId: string,
  ownerAgencyId: string,
): boolean => standing.member || actorAgencyId === ownerAgencyId;

/**
 * The role a connection to a meeting's document gets, or null to refuse it: members
 * edit while the meeting is open and read once it is closed; nobody else connects
 * (the steering group looks at a group's work on its page, not in its room).
 */
export async function findMeetingCollabRole(
  db: Executor,
  userId: string,
  meetingId: string,
): Promise<TParticipantRole | null> {
  const [row] = await db
    .select({ state: schema.workingGroupMeetings.state })
    .from(schema.workingGroupMeetings)
    .innerJoin(
      schema.workingGroupMembers,
      and(
        eq(schema.workingGroupMembers.workingGroupId, schema.workingGroupMeetings.workingGroupId),
        eq(schema.workingGroupMembers.userId, userId),
      ),
    )
    .where(eq(schema.workingGroupMeetings.id, meetingId));
  if (!row) return null;
  return row.state === "open" ? "editor" : "observer";
}

export async function belongsToAnyWorkingGroup(db: Executor, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: schema.workingGroupMembers.userId })
    .from(schema.workingGroupMembers)
    .where(eq(schema.workingGroupMembers.userId, userId))
    .limit(1);
  return row !== undefined;
}
