import { type TMinutesContent, type TMinutesMarks, ZMinutesContent } from "@runder-tisch/contracts";
import { type Executor, schema } from "@runder-tisch/db";
import { and, inArray, isNotNull, isNull } from "drizzle-orm";
import { todayInBerlin } from "../../lib/time.ts";

type MinutesRow = schema.MinutesVersionRow;

export const germanDate = (day: string) => {
  const [year, month, date] = day.split("-");
  return `${date}.${month}.${year}`;
};

/**
 * What has happened since the minutes were frozen, computed at read time: a
 * participant's basis revoked later, an active dispute. The stored minutes
 * (and their hash) stay untouched.
 */
export async function loadMinutesMarks(
  db: Executor,
  rows: readonly MinutesRow[],
): Promise<Map<string, TMinutesMarks>> {
  const contents = new Map(rows.map((row) => [row.id, readContent(row)]));
  const basisIds = [...contents.values()].flatMap((content) =>
    content.participants.flatMap((participant) =>
      participant.basis.id ? [participant.basis.id] : [],
    ),
  );
  const revoked =
    basisIds.length === 0
      ? []
      : await db
          .select({ id: schema.sharingBases.id, revokedAt: schema.sharingBases.revokedAt })
          .from(schema.sharingBases)
          .where(
            and(
              inArray(schema.sharingBases.id, basisIds),
              isNotNull(schema.sharingBases.revokedAt),
            ),
          );
  const revokedAt = new Map(revoked.map((row) => [row.id, row.revokedAt]));
  const disputes =
    rows.length === 0
      ? []
      : await db
          .select()
          .from(schema.disputes)
          .where(
            and(
              inArray(
                schema.disputes.targetId,
                rows.map((row) => row.id),
              ),
              isNull(schema.disputes.liftedAt),
            ),
          );
  const marks = new Map<string, TMinutesMarks>();
  for (const row of rows) {
    const content = contents.get(row.id) as TMinutesContent;
    const dispute = disputes.find(
      (entry) => entry.targetType === "minutes" && entry.targetId === row.id,
    );
    marks.set(row.id, {
      revokedBases: content.participants.flatMap((participant) => {
        const at = participant.basis.id ? revokedAt.get(participant.basis.id) : null;
        if (!at) return [];
        const revokedOn = todayInBerlin(at);
        return [
          {
            agency: { id: participant.agency.id, name: participant.agency.name },
            revokedOn,
            text: `Rechtsgrundlage von ${participant.agency.name} am ${germanDate(revokedOn)} widerrufen`,
          },
        ];
      }),
      dispute: dispute
        ? { id: dispute.id, reason: dispute.reason, raisedAt: dispute.createdAt.toISOString() }
        : null,
    });
  }
  return marks;
}

/** The stored content was validated when written; parsing again keeps the types honest. */
export const readContent = (row: MinutesRow): TMinutesContent => ZMinutesContent.parse(row.content);
