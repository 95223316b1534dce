import type {
  TCreateWorkingGroupRequest,
  TWorkingGroupDetail,
  TWorkingGroupSummary,
} from "@runder-tisch/contracts";
import { type Executor, schema } from "@runder-tisch/db";
import { and, asc, count, eq, inArray } from "drizzle-orm";
import { notFound } from "../../errors.ts";
import type { WorkingGroupStanding } from "../../policies/working-group-access.ts";
import { requireActivePerson } from "../people/require-active-person.ts";
import { listGroupMeetings } from "./group-meetings.ts";
import { listGroupTopics } from "./group-topics.ts";
import { listSystemicActions } from "./systemic-actions.ts";

const groups = schema.workingGroups;
const members = schema.workingGroupMembers;

/** The groups a person may see: their own, or every group for the steering group. */
export async function listWorkingGroups(
  db: Executor,
  userId: string,
  steering: boolean,
): Promise<TWorkingGroupSummary[]> {
  const mine = await db
    .select({ id: members.workingGroupId })
    .from(members)
    .where(eq(members.userId, userId));
  const myIds = new Set(mine.map((row) => row.id));
  if (!steering && myIds.size === 0) return [];
  const rows = await db
    .select({ group: groups, memberCount: count(members.userId) })
    .from(groups)
    .leftJoin(members, eq(members.workingGroupId, groups.id))
    .where(steering ? undefined : inArray(groups.id, [...myIds]))
    .groupBy(groups.id)
    .orderBy(asc(groups.name), asc(groups.id));
  return rows.map(({ group, memberCount }) => ({
    id: group.id,
    name: group.name,
    purpose: group.purpose,
    memberCount,
    member: myIds.has(group.id),
    createdAt: group.createdAt.toISOString(),
  }));
}

export async function createWorkingGroup(
  db: Executor,
  input: TCreateWorkingGroupRequest,
  userId: string,
): Promise<schema.WorkingGroupRow> {
  const [row] = await db
    .insert(groups)
    .values({ name: input.name, purpose: input.purpose ?? "", createdBy: userId })
    .returning();
  if (!row) throw new Error("founding the working group wrote nothing");
  return row;
}

export async function findWorkingGroupRow(
  db: Executor,
  id: string,
): Promise<schema.WorkingGroupRow | null> {
  const [row] = await db.select().from(groups).where(eq(groups.id, id));
  return row ?? null;
}

export async function findWorkingGroupDetail(
  db: Executor,
  id: string,
  standing: WorkingGroupStanding,
): Promise<TWorkingGroupDetail> {
  const group = await findWorkingGroupRow(db, id);
  if (!group) throw notFound("Working group");
  const [memberRows, topics, meetings, actions] = await Promise.all([
    db
      .select({
        user: { id: schema.users.id, displayName: schema.users.displayName },
        agency: { id: schema.agencies.id, name: schema.agencies.name },
      })
      .from(members)
      .innerJoin(schema.users, eq(schema.users.id, members.userId))
      .innerJoin(schema.agencies, eq(schema.agencies.id, schema.users.agencyId))
      .where(eq(members.workingGroupId, id))
      .orderBy(asc(schema.agencies.name), asc(schema.users.displayName)),
    listGroupTopics(db, id),
    listGroupMeetings(db, id),
    listSystemicActions(db, { workingGroupId: id }),
  ]);
  return {
    id: group.id,
    name: group.name,
    purpose: group.purpose,
    createdAt: group.createdAt.toISOString(),
    member: standing.member,
    canManage: standing.steering,
    members: memberRows,
    topics,
    meetings,
    actions,
  };
}

/** Names an active person of any active agency; naming someone twice changes nothing. */
export async function addWorkingGroupMember(
  db: Executor,
  workingGroupId: string,
  userId: string,
  addedBy: string,
): Promise<void> {
  if (!(await findWorkingGroupRow(db, workingGroupId))) throw notFound("Working group");
  await requireActivePerson(db, userId);
  await db.insert(members).values({ workingGroupId, userId, addedBy }).onConflictDoNothing();
}

export async function removeWorkingGroupMember(
  db: Executor,
  workingGroupId: string,
  userId: string,
): Promise<void> {
  const removed = await db
    .delete(members)
    .where(and(eq(members.workingGroupId, workingGroupId), eq(members.userId, userId)))
    .returning({ userId: members.userId });
  if (removed.length === 0) throw notFound("Member");
}

/** Everyone in the group, for telling them about a change. */
export async function workingGroupMemberIds(db: Executor, workingGroupId: string) {
  const rows = await db
    .select({ userId: members.userId })
    .from(members)
    .where(eq(members.workingGroupId, workingGroupId));
  return rows.map((row) => row.userId);
}
