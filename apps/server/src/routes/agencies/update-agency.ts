import type { TUpdateAgencyRequest } from "@runder-tisch/contracts";
import { type Executor, schema } from "@runder-tisch/db";
import { and, eq, isNull } from "drizzle-orm";
import { notFound } from "../../errors.ts";

/**
 * Changes an agency. Switching it off ends its people's sessions at once (the
 * session lookup checks the agency); the returned ids let the caller cut their
 * live connections too.
 */
export async function updateAgency(db: Executor, agencyId: string, input: TUpdateAgencyRequest) {
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({ active: schema.agencies.active })
      .from(schema.agencies)
      .where(eq(schema.agencies.id, agencyId))
      .for("update");
    if (!before) throw notFound("Agency");
    const [agency] = await tx
      .update(schema.agencies)
      .set(input)
      .where(eq(schema.agencies.id, agencyId))
      .returning();
    if (!agency) throw notFound("Agency");
    const switchedOff = before.active && !agency.active;
    const cutOffUserIds = switchedOff
      ? (
          await tx
            .select({ id: schema.users.id })
            .from(schema.users)
            .where(and(eq(schema.users.agencyId, agencyId), isNull(schema.users.disabledAt)))
        ).map((user) => user.id)
      : [];
    return { agency, cutOffUserIds };
  });
}
