import type { TProblem } from "@runder-tisch/contracts";
import { type Executor, schema } from "@runder-tisch/db";
import { eq } from "drizzle-orm";
import { fieldRefused, fieldsRefused } from "../../errors.ts";
import { type ReceiverRefusal, whyAgencyCannotReceive } from "../../policies/sharing-rules.ts";

/**
 * Date rules a schema cannot know: "today" is the Kreis's calendar day, and a
 * validity that ends before the consent was given would never take effect.
 */
export function checkConsentDates(
  dates: { givenOn?: string; validUntil: string | null },
  pathPrefix: string,
  today: string,
): void {
  const problems: Omit<TProblem, "where">[] = [];
  if (dates.givenOn !== undefined && dates.givenOn > today) {
    problems.push({
      path: `${pathPrefix}/givenOn`,
      reason: "date_in_future",
      message: "The date it was given lies in the future",
    });
  }
  if (
    dates.givenOn !== undefined &&
    dates.validUntil !== null &&
    dates.validUntil < dates.givenOn
  ) {
    problems.push({
      path: `${pathPrefix}/validUntil`,
      reason: "ends_before_given",
      message: "It would end before it was given",
    });
  }
  if (problems.length > 0) throw fieldsRefused(problems);
}

const RECEIVER_REFUSALS: Record<ReceiverRefusal, string> = {
  agency_unknown: "No agency with this id exists",
  agency_inactive: "This agency is deactivated and cannot receive case data",
  agency_is_owner: "The owning agency already sees the case; name another agency",
};

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
    const refusal = reason ?? "agency_unknown";
    throw fieldRefused("agencyId", refusal, RECEIVER_REFUSALS[refusal]);
  }
  return { id: agency.id, name: agency.name };
}
