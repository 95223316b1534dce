import { type Executor, schema } from "@runder-tisch/db";
import { asc, eq } from "drizzle-orm";
import { userColumns } from "./present-user.ts";

/** People of one agency, or of every agency when `agencyId` is null; never a password hash. */
export function listUsers(db: Executor, agencyId: string | null) {
  return db
    .select(userColumns)
    .from(schema.users)
    .where(agencyId === null ? undefined : eq(schema.users.agencyId, agencyId))
    .orderBy(asc(schema.users.displayName), asc(schema.users.id));
}

/** What deciding about a change to a person needs to know of them. */
export async function findManagedUser(db: Executor, userId: string) {
  const [user] = await db
    .select({
      id: schema.users.id,
      agencyId: schema.users.agencyId,
      role: schema.users.role,
      disabledAt: schema.users.disabledAt,
    })
    .from(schema.users)
    .where(eq(schema.users.id, userId));
  return user ?? null;
}
