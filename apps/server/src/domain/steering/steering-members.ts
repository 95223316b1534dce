import type { TSteeringMember } from "@runder-tisch/contracts";
import { type Executor, schema } from "@runder-tisch/db";
import { asc, eq } from "drizzle-orm";
import { notFound } from "../../errors.ts";
import { requireActivePerson } from "../people/require-active-person.ts";

const members = schema.steeringGroupMembers;

export async function listSteeringMembers(db: Executor): Promise<TSteeringMember[]> {
  const rows = await db
    .select({
      user: { id: schema.users.id, displayName: schema.users.displayName },
      agency: { id: schema.agencies.id, name: schema.agencies.name },
      addedAt: members.addedAt,
    })
    .from(members)
    .innerJoin(schema.users, eq(schema.users.id, members.userId))
    .innerJoin(schema.agencies, eq(schema.agencies.id, schema.users.agencyId))
    .orderBy(asc(schema.agencies.name), asc(schema.users.displayName));
  return rows.map((row) => ({ ...row, addedAt: row.addedAt.toISOString() }));
}

/** Names an active person of any active agency; naming someone twice changes nothing. */
export async function addSteeringMember(
  db: Executor,
  userId: string,
  addedBy: string,
): Promise<void> {
  await requireActivePerson(db, userId);
  await db.insert(members).values({ userId, addedBy }).onConflictDoNothing();
}

export async function removeSteeringMember(db: Executor, userId: string): Promise<void> {
  const removed = await db
    .delete(members)
    .where(eq(members.userId, userId))
    .returning({ userId: members.userId });
  if (removed.length === 0) throw notFound("Member");
}
