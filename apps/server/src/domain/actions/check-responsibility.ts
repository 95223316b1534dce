import { type Executor, schema } from "@runder-tisch/db";
import { and, eq, isNull } from "drizzle-orm";
import { fieldRefused } from "../../errors.ts";
import { agencyCanSeeCase } from "../../policies/case-access.ts";

/** An action may only be handed to an agency that can see its case. */
export async function checkResponsibleAgency(
  db: Executor,
  caseId: string,
  agencyId: string,
): Promise<void> {
  if (!(await agencyCanSeeCase(db, agencyId, caseId))) {
    throw fieldRefused(
      "responsibleAgencyId",
      "responsible_agency_cannot_see_case",
      "The responsible agency cannot see this case",
    );
  }
}

/** ... and to a person who is an active member of that agency. */
export async function checkResponsiblePerson(
  db: Executor,
  agencyId: string,
  userId: string,
): Promise<void> {
  const [person] = await db
    .select({ id: schema.users.id })
    .from(schema.users)
    .where(
      and(
        eq(schema.users.id, userId),
        eq(schema.users.agencyId, agencyId),
        isNull(schema.users.disabledAt),
      ),
    );
  if (!person) {
    throw fieldRefused(
      "responsiblePersonId",
      "responsible_person_not_member",
      "The responsible person is not an active member of that agency",
    );
  }
}

export async function checkResponsibility(
  db: Executor,
  caseId: string,
  agencyId: string,
  userId: string | null,
): Promise<void> {
  await checkResponsibleAgency(db, caseId, agencyId);
  if (userId !== null) await checkResponsiblePerson(db, agencyId, userId);
}
