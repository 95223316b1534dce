import { type Executor, schema } from "@runder-tisch/db";
import { eq } from "drizzle-orm";
import { unprocessable } from "../../errors.ts";
import { whyAgencyCannotReceive } from "../../policies/sharing-rules.ts";

/** Same form as the schema validation details, so clients show both alike. */
interface InputProblem {
  where: "body";
  path: string;
  message: string;
}

/**
 * Date rules a schema cannot know: "today" is the Kreis's calendar day, and a
 * validity that ends before the consent was given would never take effect.
 */
export function checkConsentDates(
  dates: { givenOn?: string; validUntil: string | null },
  pathPrefix: string,
  today: string,
): void {
  const problems: InputProblem[] = [];
  if (dates.givenOn !== undefined && dates.givenOn > today) {
    problems.push({
      where: "body",
      path: `${pathPrefix}/givenOn`,
      message: "The date it was given lies in the future",
    });
  }
  if (
    dates.givenOn !== undefined &&
    dates.validUntil !== null &&
    dates.validUntil < dates.givenOn
  ) {
    problems.push({
      where: "body",
      path: `${pathPrefix}/validUntil`,
      message: "It would end before it was given",
    });
  }
  if (problems.length > 0) {
    throw unprocessable(problems.map((problem) => problem.message).join("; "), problems);
  }
}

/**
 * Loads the agency named to receive case data and refuses one that cannot.
 * The row stays share-locked until the transaction ends, so the agency cannot
 * be deactivated between this check and the insert.
 */
export async function requireReceivingAgency(
  tx: Executor,
  caseRow: { ownerAgencyId: string },
  agencyId: string,
): Promise<{ id: string; name: string }> {
  const [agency] = await tx
    .select({ id: schema.agencies.id, name: schema.agencies.name, active: schema.agencies.active })
    .from(schema.agencies)
    .where(eq(schema.agencies.id, agencyId))
    .for("share");
  const reason = whyAgencyCannotReceive(caseRow, agency);
  if (reason !== null || !agency) {
    const message = reason ?? "No agency with this id exists";
    throw unprocessable(message, [{ where: "body", path: "/agencyId", message }]);
  }
  return { id: agency.id, name: agency.name };
}
