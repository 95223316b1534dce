import type { TAgencyRef, TUserRef } from "@runder-tisch/contracts";
import { type Executor, schema } from "@runder-tisch/db";

export interface AgencyNames {
  ref(id: string): TAgencyRef;
  user(id: string): TUserRef;
}

/**
 * Names of agencies and people for the export. Loaded whole: the export is a
 * rare, owner-only request, and the tables are small (agencies, staff).
 */
export async function loadNames(db: Executor): Promise<AgencyNames> {
  const agencies = await db
    .select({ id: schema.agencies.id, name: schema.agencies.name })
    .from(schema.agencies);
  const users = await db
    .select({ id: schema.users.id, displayName: schema.users.displayName })
    .from(schema.users);
  const agencyName = new Map(agencies.map((agency) => [agency.id, agency.name]));
  const userName = new Map(users.map((user) => [user.id, user.displayName]));
  return {
    ref: (id) => ({ id, name: agencyName.get(id) ?? "" }),
    user: (id) => ({ id, displayName: userName.get(id) ?? "" }),
  };
}
