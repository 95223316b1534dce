import { type Executor, schema } from "@runder-tisch/db";
import { and, eq, isNull } from "drizzle-orm";
import { fieldRefused } from "../../errors.ts";

/**
 * Someone to be named to a group (steering group, working group): an enabled person of
 * an agency that is switched on. Anyone else is refused as the field `userId`.
 */
export async function requireActivePerson(db: Executor, userId: string): Promise<void> {
  const [user] = await db
    .select({ id: schema.users.id })
    .from(schema.users)
    .innerJoin(schema.agencies, eq(schema.agencies.id, schema.users.agencyId))
    .where(
      and(
        eq(schema.users.id, userId),
        isNull(schema.users.disabledAt),
        eq(schema.agencies.active, true),
      ),
    );
  if (!user) throw fieldRefused("userId", "user_unknown", "No active person with this id");
}
