import type { TCreateAgencyRequest } from "@runder-tisch/contracts";
import { type Executor, schema } from "@runder-tisch/db";

export async function createAgency(db: Executor, input: TCreateAgencyRequest) {
  const [agency] = await db.insert(schema.agencies).values(input).returning();
  if (!agency) throw new Error("agency insert returned nothing");
  return agency;
}
