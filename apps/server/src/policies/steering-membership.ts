import { type Executor, schema } from "@runder-tisch/db";
import { eq } from "drizzle-orm";

/**
 * Membership of the steering group is named person by person by the platform admin;
 * neither a role nor an agency brings it, so the group can be people from any agency.
 */
export async function isSteeringMember(db: Executor, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: schema.steeringGroupMembers.userId })
    .from(schema.steeringGroupMembers)
    .where(eq(schema.steeringGroupMembers.userId, userId));
  return row !== undefined;
}
