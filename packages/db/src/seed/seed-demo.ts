import { CONFERENCE_AGENDA_TEMPLATE } from "@runder-tisch/contracts";
import type { ConferenceStatus } from "@runder-tisch/contracts/vocabulary";
import { inArray, like, sql } from "drizzle-orm";
import type { Database, Transaction } from "../client.ts";
import * as schema from "../schema/index.ts";
import {
  type AgencySlug,
  DEMO_AGENCIES,
  DEMO_CASES,
  DEMO_DOMAIN,
  type DemoCase,
  PLATFORM_AGENCY,
} from "./demo-kreis.ts";

export interface DemoLogin {
  email: string;
  role: "member" | "coordinator" | "platform_admin";
  agency: string;
}

export interface SeedOptions {
  /** argon2id hash of the demo password; the database package does not hash itself. */
  passwordHash: string;
  /** Encrypts an identity record for a case (the key lives with the server). */
  sealIdentity(caseId: string, plaintext: string): { ciphertext: Uint8Array; keyId: string };
  now?: Date;
}

const DAY = 86_400_000;
const dayString = (date: Date) => date.toISOString().slice(0, 10);

export function demoLogins(): DemoLogin[] {
  return [
    { email: `admin@${DEMO_DOMAIN}`, role: "platform_admin", agency: PLATFORM_AGENCY.name },
    ...DEMO_AGENCIES.flatMap((agency) => [
      {
        email: `${agency.slug}.koordination@${DEMO_DOMAIN}`,
        role: "coordinator" as const,
        agency: agency.name,
      },
      { email: `${agency.slug}@${DEMO_DOMAIN}`, role: "member" as const, agency: agency.name },
    ]),
  ];
}

/** Fills an empty database with the demo Kreis. Returns false when data is already there. */
export async function seedDemo(db: Database, options: SeedOptions): Promise<boolean> {
  return db.transaction(async (tx) => {
    const existing = await tx.select({ id: schema.agencies.id }).from(schema.agencies).limit(1);
    if (existing.length > 0) return false;
    const now = options.now ?? new Date();
    const agencyIds = new Map<string, string>();
    const coordinatorIds = new Map<string, string>();
    const memberIds = new Map<string, string>();
    for (const agency of [PLATFORM_AGENCY, ...DEMO_AGENCIES]) {
      const [row] = await tx
        .insert(schema.agencies)
        .values({ name: agency.name, kind: agency.kind })
        .returning({ id: schema.agencies.id });
      if (row) agencyIds.set(agency.slug, row.id);
    }
    const agencyId = (slug: string) => {
      const id = agencyIds.get(slug);
      if (!id) throw new Error(`unknown demo agency ${slug}`);
      return id;
    };
    await tx.insert(schema.users).values({
      agencyId: agencyId(PLATFORM_AGENCY.slug),
      email: `admin@${DEMO_DOMAIN}`,
      displayName: "Plattform-Administration",
      role: "platform_admin",
      passwordHash: options.passwordHash,
    });
    for (const agency of DEMO_AGENCIES) {
      const [coordinator] = await tx
        .insert(schema.users)
        .values({
          agencyId: agencyId(agency.slug),
          email: `${agency.slug}.koordination@${DEMO_DOMAIN}`,
          displayName: `Koordination ${agency.slug.toUpperCase()}`,
          role: "coordinator",
          passwordHash: options.passwordHash,
        })
        .returning({ id: schema.users.id });
      const [member] = await tx
        .insert(schema.users)
        .values({
          agencyId: agencyId(agency.slug),
          email: `${agency.slug}@${DEMO_DOMAIN}`,
          displayName: `Fachkraft ${agency.slug.toUpperCase()}`,
          role: "member",
          passwordHash: options.passwordHash,
        })
        .returning({ id: schema.users.id });
      if (coordinator) coordinatorIds.set(agency.slug, coordinator.id);
      if (member) memberIds.set(agency.slug, member.id);
    }
    const person = (map: Map<string, string>, slug: AgencySlug) => map.get(slug) ?? null;
    for (const demoCase of DEMO_CASES) {
      await seedCase(tx, demoCase, { agencyId, person, coordinatorIds, memberIds, now, options });
    }
    // New cases continue after the demo codes instead of colliding with them.
    await tx
      .insert(schema.caseCodeCounters)
      .values({ year: now.getUTCFullYear(), lastNumber: 30 })
      .onConflictDoUpdate({
        target: schema.caseCodeCounters.year,
        set: { lastNumber: sql`greatest(${schema.caseCodeCounters.lastNumber}, 30)` },
      });
    return true;
  });
}

interface SeedContext {
  agencyId(slug: string): string;
  person(map: Map<string, string>, slug: AgencySlug): string | null;
  coordinatorIds: Map<string, string>;
  memberIds: Map<string, string>;
  now: Date;
  options: SeedOptions;
}

/**
 * Adds cases to an already seeded demo Kreis, finding its agencies and people by their
 * demo names and logins. Returns the new cases' ids by code.
 */
export async function seedDemoCases(
  tx: Transaction,
  cases: readonly DemoCase[],
  options: SeedOptions,
): Promise<Map<string, string>> {
  const agencies = await tx
    .select({ id: schema.agencies.id, name: schema.agencies.name })
    .from(schema.agencies)
    .where(
      inArray(
        schema.agencies.name,
        DEMO_AGENCIES.map((agency) => agency.name),
      ),
    );
  const users = await tx
    .select({ id: schema.users.id, email: schema.users.email })
    .from(schema.users)
    .where(like(schema.users.email, `%@${DEMO_DOMAIN}`));
  const agencyIds = new Map(
    DEMO_AGENCIES.flatMap((agency) => {
      const row = agencies.find((candidate) => candidate.name === agency.name);
      return row ? [[agency.slug, row.id] as const] : [];
    }),
  );
  const userIds = new Map(users.map((user) => [user.email, user.id]));
  const bySlug = (login: (slug: string) => string) =>
    new Map(
      DEMO_AGENCIES.flatMap((agency) => {
        const id = userIds.get(login(agency.slug));
        return id ? [[agency.slug, id] as const] : [];
      }),
    );
  const ctx: SeedContext = {
    agencyId: (slug) => {
      const id = agencyIds.get(slug);
      if (!id) throw new Error(`unknown demo agency ${slug}`);
      return id;
    },
    person: (map, slug) => map.get(slug) ?? null,
    coordinatorIds: bySlug((slug) => `${slug}.koordination@${DEMO_DOMAIN}`),
    memberIds: bySlug((slug) => `${slug}@${DEMO_DOMAIN}`),
    now: options.now ?? new Date(),
    options,
  };
  const ids = new Map<string, string>();
  for (const demoCase of cases) ids.set(demoCase.code, await seedCase(tx, demoCase, ctx));
  return ids;
}

async function seedCase(tx: Transaction, demoCase: DemoCase, ctx: SeedContext): Promise<string> {
  const ownerId = ctx.agencyId(demoCase.owner);
  const recorder = ctx.person(ctx.memberIds, demoCase.owner);
  if (!recorder) throw new Error("demo owner has no member");
  const [caseRow] = await tx
    .insert(schema.cases)
    .values({
      code: demoCase.code,
      ownerAgencyId: ownerId,
      summary: demoCase.summary,
      themes: demoCase.themes,
      specialCategoryNote: demoCase.specialCategoryNote ?? null,
      createdBy: recorder,
      createdAt: new Date(ctx.now.getTime() - (demoCase.openedDaysAgo ?? 90) * DAY),
    })
    .returning();
  if (!caseRow) throw new Error("demo case insert failed");
  // Consent and releases are given shortly after the case was opened.
  const givenOn = dayString(
    new Date(ctx.now.getTime() - ((demoCase.openedDaysAgo ?? 90) - 10) * DAY),
  );
  if (demoCase.identity) {
    const sealed = ctx.options.sealIdentity(caseRow.id, JSON.stringify(demoCase.identity));
    await tx
      .insert(schema.identityRecords)
      .values({ caseId: caseRow.id, ...sealed, updatedBy: recorder });
  }
  for (const basis of demoCase.bases) {
    await tx.insert(schema.sharingBases).values({
      caseId: caseRow.id,
      agencyId: ctx.agencyId(basis.agency),
      purpose: basis.purpose,
      categories: basis.categories,
      legalBasis: basis.legalBasis,
      consentForm: basis.legalBasis === "consent" ? "written" : null,
      consentGivenOn: basis.legalBasis === "consent" ? givenOn : null,
      consentTextVersion: basis.legalBasis === "consent" ? "Einwilligung KIM v3" : null,
      statuteNorm:
        basis.legalBasis === "statute" ? "§ 71 Abs. 1 AufenthG i. V. m. § 87 AufenthG" : null,
      validUntil:
        basis.validForDays === undefined
          ? null
          : dayString(new Date(ctx.now.getTime() + basis.validForDays * DAY)),
      recordedBy: recorder,
      revokedAt:
        basis.revokedDaysAgo === undefined
          ? null
          : new Date(ctx.now.getTime() - basis.revokedDaysAgo * DAY),
      revokedBy: basis.revokedDaysAgo === undefined ? null : recorder,
      revocationNote: basis.revokedDaysAgo === undefined ? null : "Einwilligung widerrufen",
    });
  }
  for (const slug of demoCase.secrecyReleases ?? []) {
    await tx.insert(schema.secrecyReleases).values({
      caseId: caseRow.id,
      agencyId: ctx.agencyId(slug),
      form: "written",
      givenOn,
      scope: "Austausch mit den beteiligten Stellen zur Passbeschaffung",
      recordedBy: recorder,
    });
  }
  if (demoCase.pastConference) {
    const past = demoCase.pastConference;
    const at = new Date(ctx.now.getTime() - past.daysAgo * DAY);
    const conferenceId = await insertConference(tx, caseRow.id, ctx, {
      title: "Erste Fallkonferenz",
      scheduledAt: at,
      status: "concluded",
      invited: past.invited,
      createdBy: recorder,
    });
    for (const action of past.actions) {
      const responsibleAgencyId = ctx.agencyId(action.responsible);
      const responsibleUserId = ctx.person(ctx.memberIds, action.responsible);
      const finished = action.status === "done" || action.status === "cancelled";
      const [row] = await tx
        .insert(schema.actions)
        .values({
          caseId: caseRow.id,
          conferenceId,
          title: action.title,
          responsibleAgencyId,
          responsibleUserId,
          dueDate: dayString(new Date(ctx.now.getTime() + action.dueInDays * DAY)),
          status: action.status,
          statusChangedAt: finished ? new Date(ctx.now.getTime() - 20 * DAY) : null,
          statusChangedBy: finished ? responsibleUserId : null,
          version: finished ? 2 : 1,
          createdBy: recorder,
          createdAt: at,
        })
        .returning({ id: schema.actions.id });
      if (!row) continue;
      await tx.insert(schema.actionEvents).values({
        actionId: row.id,
        actorId: recorder,
        agencyId: ctx.agencyId(demoCase.owner),
        kind: "created",
        changes: {},
        createdAt: at,
      });
      if (finished) {
        await tx.insert(schema.actionEvents).values({
          actionId: row.id,
          actorId: responsibleUserId,
          agencyId: responsibleAgencyId,
          kind: "changed",
          changes: { status: { from: "open", to: action.status } },
          createdAt: new Date(ctx.now.getTime() - 20 * DAY),
        });
      }
    }
  }
  if (demoCase.plannedConference) {
    const planned = demoCase.plannedConference;
    const day = new Date(ctx.now.getTime() + planned.inDays * DAY);
    day.setUTCHours(planned.hour - 1, 0, 0, 0);
    await insertConference(tx, caseRow.id, ctx, {
      title: "Wiedervorlage",
      scheduledAt: day,
      status: "planned",
      invited: planned.invited,
      createdBy: recorder,
    });
  }
  return caseRow.id;
}

async function insertConference(
  tx: Transaction,
  caseId: string,
  ctx: SeedContext,
  values: {
    title: string;
    scheduledAt: Date;
    status: ConferenceStatus;
    invited: AgencySlug[];
    createdBy: string;
  },
): Promise<string> {
  const finished = values.status !== "planned";
  const [conference] = await tx
    .insert(schema.conferences)
    .values({
      caseId,
      title: values.title,
      scheduledAt: values.scheduledAt,
      status: values.status,
      createdBy: values.createdBy,
      startedAt: finished ? values.scheduledAt : null,
      concludedAt: finished ? new Date(values.scheduledAt.getTime() + 3_600_000) : null,
    })
    .returning({ id: schema.conferences.id });
  if (!conference) throw new Error("demo conference insert failed");
  const agenda = CONFERENCE_AGENDA_TEMPLATE.map((kind, position) => ({
    conferenceId: conference.id,
    position,
    kind,
  }));
  await tx.insert(schema.agendaItems).values(agenda);
  const participants = values.invited.map((slug) => ({
    conferenceId: conference.id,
    agencyId: ctx.agencyId(slug),
    role: "editor" as const,
  }));
  await tx.insert(schema.conferenceParticipants).values(participants);
  return conference.id;
}
