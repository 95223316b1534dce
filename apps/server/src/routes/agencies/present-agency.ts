import type { TAgency } from "@runder-tisch/contracts";
import type { schema } from "@runder-tisch/db";

type AgencyRow = typeof schema.agencies.$inferSelect;

export const presentAgency = (agency: AgencyRow): TAgency => ({
  id: agency.id,
  name: agency.name,
  kind: agency.kind,
  active: agency.active,
  createdAt: agency.createdAt.toISOString(),
});
