import { type Executor, schema } from "@runder-tisch/db";
import { asc, eq } from "drizzle-orm";

/** The finalised versions of a conference's minutes, first version first. */
export function listConferenceMinutes(db: Executor, conferenceId: string) {
  return db
    .select()
    .from(schema.minutesVersions)
    .where(eq(schema.minutesVersions.conferenceId, conferenceId))
    .orderBy(asc(schema.minutesVersions.version));
}
