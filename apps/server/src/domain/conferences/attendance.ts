import type { TAttendance, ZRecordAttendanceRequest } from "@runder-tisch/contracts";
import { type Executor, schema } from "@runder-tisch/db";
import { and, asc, eq } from "drizzle-orm";
import type { z } from "zod";

/**
 * Records how the signed-in person takes part in a conference; recording again
 * replaces it. The caller has checked that the person's agency may see the conference.
 */
export async function recordAttendance(
  db: Executor,
  person: { userId: string; agencyId: string },
  conferenceId: string,
  input: z.output<typeof ZRecordAttendanceRequest>,
): Promise<schema.AttendanceRow> {
  const values = {
    agencyId: person.agencyId,
    kind: input.kind,
    confidentialityConfirmed: input.confidentialityConfirmed,
    recordedAt: new Date(),
  };
  const [row] = await db
    .insert(schema.conferenceAttendance)
    .values({ conferenceId, userId: person.userId, ...values })
    .onConflictDoUpdate({
      target: [schema.conferenceAttendance.conferenceId, schema.conferenceAttendance.userId],
      set: values,
    })
    .returning();
  if (!row) throw new Error("attendance upsert returned nothing");
  return row;
}

/** Who took part, by agency and name; with `userId`, only that person's entry. */
export async function listAttendance(
  db: Executor,
  conferenceId: string,
  userId?: string,
): Promise<TAttendance[]> {
  const attendance = schema.conferenceAttendance;
  const rows = await db
    .select({
      row: attendance,
      person: { id: schema.users.id, displayName: schema.users.displayName },
      agency: { id: schema.agencies.id, name: schema.agencies.name },
    })
    .from(attendance)
    .innerJoin(schema.users, eq(schema.users.id, attendance.userId))
    .innerJoin(schema.agencies, eq(schema.agencies.id, attendance.agencyId))
    .where(
      and(
        eq(attendance.conferenceId, conferenceId),
        userId === undefined ? undefined : eq(attendance.userId, userId),
      ),
    )
    .orderBy(asc(schema.agencies.name), asc(schema.users.displayName));
  return rows.map(({ row, person, agency }) => ({
    person,
    agency,
    kind: row.kind,
    confidentialityConfirmed: row.confidentialityConfirmed,
    recordedAt: row.recordedAt.toISOString(),
  }));
}
