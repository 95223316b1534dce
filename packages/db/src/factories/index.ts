import { randomInt, randomUUID } from "node:crypto";
import { CONFERENCE_AGENDA_TEMPLATE } from "@runder-tisch/contracts";
import { sql } from "drizzle-orm";
import type { Executor } from "../client.ts";
import * as schema from "../schema/index.ts";

/**
 * Builders for tests and the demo seed. Each call makes fresh rows with unique
 * names, so tests never share data and can run side by side on one database.
 */

const unique = () => randomUUID().slice(0, 8);

function first<T>(rows: T[]): T {
  const [row] = rows;
  if (!row) throw new Error("insert returned no row");
  return row;
}

export async function createAgency(
  db: Executor,
  values: Partial<typeof schema.agencies.$inferInsert> = {},
) {
  return first(
    await db
      .insert(schema.agencies)
      .values({ name: `Agentur ${unique()}`, kind: "sonstige", ...values })
      .returning(),
  );
}

export async function createUser(
  db: Executor,
  values: Pick<typeof schema.users.$inferInsert, "agencyId" | "passwordHash"> &
    Partial<typeof schema.users.$inferInsert>,
) {
  const suffix = unique();
  return first(
    await db
      .insert(schema.users)
      .values({
        email: `person-${suffix}@example.test`,
        displayName: `Person ${suffix}`,
        role: "member",
        ...values,
      })
      .returning(),
  );
}

export async function createCase(
  db: Executor,
  values: Pick<typeof schema.cases.$inferInsert, "ownerAgencyId"> &
    Partial<typeof schema.cases.$inferInsert>,
) {
  // Factory cases use year 9999 so they never collide with codes the API hands out.
  const code = values.code ?? `RT-9999-${randomInt(10_000_000, 99_999_999)}`;
  return first(
    await db
      .insert(schema.cases)
      .values({ summary: "Anonymisierte Fallbeschreibung", themes: ["work"], ...values, code })
      .returning(),
  );
}

export interface BasisOptions {
  caseId: string;
  agencyId: string;
  recordedBy: string;
  categories?: ("general" | "special")[];
  validUntil?: string | null;
  revokedAt?: Date | null;
  legalBasis?: "consent" | "statute";
  purpose?: string;
  /** When it was recorded; two rows written in the same millisecond have no order otherwise. */
  createdAt?: Date;
}

export async function grantSharingBasis(db: Executor, options: BasisOptions) {
  const legalBasis = options.legalBasis ?? "consent";
  return first(
    await db
      .insert(schema.sharingBases)
      .values({
        caseId: options.caseId,
        agencyId: options.agencyId,
        recordedBy: options.recordedBy,
        purpose: options.purpose ?? "Aufenthaltssicherung und Arbeitsmarktintegration",
        categories: options.categories ?? ["general"],
        legalBasis,
        consentForm: legalBasis === "consent" ? "written" : null,
        consentGivenOn: legalBasis === "consent" ? "2026-01-15" : null,
        consentTextVersion: legalBasis === "consent" ? "Einwilligung v1" : null,
        statuteNorm: legalBasis === "statute" ? "§ 69 Abs. 1 Nr. 1 SGB X" : null,
        validUntil: options.validUntil ?? null,
        revokedAt: options.revokedAt ?? null,
        revokedBy: options.revokedAt ? options.recordedBy : null,
        ...(options.createdAt ? { createdAt: options.createdAt } : {}),
      })
      .returning(),
  );
}

export async function createConference(
  db: Executor,
  values: Pick<typeof schema.conferences.$inferInsert, "caseId"> &
    Partial<typeof schema.conferences.$inferInsert>,
  participants: { agencyId: string; role?: "editor" | "observer" }[] = [],
) {
  const conference = first(
    await db
      .insert(schema.conferences)
      .values({
        title: "Fallkonferenz",
        scheduledAt: new Date(Date.now() + 7 * 86_400_000),
        ...values,
      })
      .returning(),
  );
  await db.insert(schema.agendaItems).values(
    CONFERENCE_AGENDA_TEMPLATE.map((kind, position) => ({
      conferenceId: conference.id,
      position,
      kind,
    })),
  );
  if (participants.length > 0) {
    await db.insert(schema.conferenceParticipants).values(
      participants.map((participant) => ({
        conferenceId: conference.id,
        agencyId: participant.agencyId,
        role: participant.role ?? "editor",
      })),
    );
  }
  return conference;
}

export async function createAction(
  db: Executor,
  values: Pick<typeof schema.actions.$inferInsert, "caseId" | "responsibleAgencyId"> &
    Partial<typeof schema.actions.$inferInsert>,
) {
  const action = first(
    await db
      .insert(schema.actions)
      .values({ title: `Maßnahme ${unique()}`, ...values })
      .returning(),
  );
  await db.insert(schema.actionEvents).values({
    actionId: action.id,
    actorId: values.createdBy ?? null,
    kind: "created",
    changes: {},
  });
  return action;
}

/** Number of rows in a table, for tests that check nothing was left behind. */
export async function countRows(db: Executor, table: string): Promise<number> {
  const result = (await db.execute(
    sql.raw(`select count(*)::int as n from "${table}"`),
  )) as unknown as {
    rows: { n: number }[];
  };
  return Number(result.rows[0]?.n ?? 0);
}
