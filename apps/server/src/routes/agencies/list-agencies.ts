import { type Executor, schema } from "@runder-tisch/db";
import { and, asc, eq, isNull } from "drizzle-orm";
import { notFound } from "../../errors.ts";

/** Agencies by name; switched-off ones only for whoever administers agencies. */
export function listAgencies(db: Executor, options: { includeInactive: boolean }) {
  return db
    .select()
    .from(schema.agencies)
    .where(options.includeInactive ? undefined : eq(schema.agencies.active, true))
    .orderBy(asc(schema.agencies.name));
}

/** Active people of an agency, for picking a responsible person. */
export async function listAgencyPeople(
  db: Executor,
  agencyId: string,
  options: { includeInactiveAgency: boolean },
) {
  const [agency] = await db
    .select({ active: schema.agencies.active })
    .from(schema.agencies)
    .where(eq(schema.agencies.id, agencyId));
  // An agency that is switched off is not offered for picking, as in the list.
  if (!agency || (!agency.active && !options.includeInactiveAgency)) throw notFound("Agency");
  return db
    .select({ id: schema.users.id, displayName: schema.users.displayName })
    .from(schema.users)
    .where(and(eq(schema.users.agencyId, agencyId), isNull(schema.users.disabledAt)))
    .orderBy(asc(schema.users.displayName));
}
