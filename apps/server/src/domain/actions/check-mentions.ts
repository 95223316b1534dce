import { type Executor, schema } from "@runder-tisch/db";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { fieldRefused } from "../../errors.ts";
import { agencyInColumnSeesCase } from "../../policies/case-access.ts";

/**
 * Of these people, those who may read what is written about the case: active members
 * of an active agency that owns the case or holds an active basis for it.
 */
export async function peopleWhoSeeCase(
  db: Executor,
  caseId: string,
  userIds: readonly string[],
): Promise<string[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .select({ id: schema.users.id })
    .from(schema.users)
    .innerJoin(schema.agencies, eq(schema.agencies.id, schema.users.agencyId))
    .innerJoin(schema.cases, eq(schema.cases.id, caseId))
    .where(
      and(
        inArray(schema.users.id, [...userIds]),
        isNull(schema.users.disabledAt),
        eq(schema.agencies.active, true),
        agencyInColumnSeesCase(schema.users.agencyId),
      ),
    );
  return rows.map((row) => row.id);
}

/**
 * Only people who may read the comment may be mentioned in it. An unknown id, a person
 * elsewhere and a disabled account get the same refusal, so the answer tells nothing
 * about people of agencies outside the case.
 */
export async function checkMentionedPeople(
  db: Executor,
  caseId: string,
  userIds: readonly string[],
): Promise<void> {
  const seeing = await peopleWhoSeeCase(db, caseId, userIds);
  if (seeing.length !== new Set(userIds).size) {
    throw fieldRefused(
      "mentionedUserIds",
      "mentioned_person_cannot_see_case",
      "A mentioned person cannot see this case",
    );
  }
}
