import { type Executor, schema } from "@runder-tisch/db";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { fieldRefused } from "../../errors.ts";
import { agencyInColumnSeesCase } from "../../policies/case-access.ts";

/**
 * Only people who may read the comment may be mentioned in it: active members of an
 * active agency that owns the case or holds an active basis for it. An unknown id, a
 * person elsewhere and a disabled account get the same refusal, so the answer tells
 * nothing about people of agencies outside the case.
 */
export async function checkMentionedPeople(
  db: Executor,
  caseId: string,
  userIds: readonly string[],
): Promise<void> {
  if (userIds.length === 0) return;
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
  if (rows.length !== new Set(userIds).size) {
    throw fieldRefused(
      "mentionedUserIds",
      "mentioned_person_cannot_see_case",
      "A mentioned person cannot see this case",
    );
  }
}
