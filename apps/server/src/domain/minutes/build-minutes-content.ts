import {
  getNotes,
  readActions,
  readAgenda,
  readDecisions,
  readGoals,
  readObstacles,
} from "@runder-tisch/conference-doc";
import {
  MINUTES_FORMAT,
  type TMinutesContent,
  type TMinutesParticipant,
  type TMinutesReview,
  type TTextFinding,
} from "@runder-tisch/contracts";
import { type Executor, schema } from "@runder-tisch/db";
import { asc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type * as Y from "yjs";
import { todayInBerlin } from "../../lib/time.ts";
import type { Actor } from "../../policies/actor.ts";
import { type CaseRow, isBasisActive } from "../../policies/case-access.ts";
import type { ConferenceRow } from "../../policies/conference-access.ts";
import { listAttendance } from "../conferences/attendance.ts";
import { findNextReview } from "./find-next-review.ts";
import { loadMentionNames } from "./mention-names.ts";
import { notesToMarkdown } from "./notes-to-markdown.ts";

export interface MinutesInput {
  conference: ConferenceRow;
  caseRow: CaseRow;
  doc: Y.Doc;
  actor: Actor;
  finalisedAt: Date;
  nextReviewOn?: string;
  override: { reason: string; findings: TTextFinding[] } | null;
}

/** The frozen minutes: the document's content plus who took part under which legal basis. */
export async function buildMinutesContent(
  tx: Executor,
  input: MinutesInput,
): Promise<TMinutesContent> {
  const { conference, caseRow, doc } = input;
  const participants = await loadParticipants(tx, conference, caseRow, input.finalisedAt);
  const documentActions = readActions(doc).flatMap((result) => (result.ok ? [result.action] : []));
  const agencyIds = [...new Set(documentActions.map((action) => action.responsibleAgencyId))];
  const agencyNames = new Map(
    agencyIds.length === 0
      ? []
      : (
          await tx
            .select({ id: schema.agencies.id, name: schema.agencies.name })
            .from(schema.agencies)
            .where(inArray(schema.agencies.id, agencyIds))
        ).map((agency) => [agency.id, agency.name]),
  );
  const agenda = readAgenda(doc);
  const notes = getNotes(doc);
  const mentionNames = await loadMentionNames(tx, notes);
  return {
    format: MINUTES_FORMAT,
    case: { id: caseRow.id, code: caseRow.code },
    conference: {
      id: conference.id,
      title: conference.title,
      scheduledAt: conference.scheduledAt.toISOString(),
      startedAt: conference.startedAt?.toISOString() ?? null,
      concludedAt: conference.concludedAt?.toISOString() ?? null,
    },
    finalised: {
      at: input.finalisedAt.toISOString(),
      userId: input.actor.userId,
      userName: input.actor.displayName,
      agency: { id: input.actor.agencyId, name: input.actor.agencyName },
    },
    agenda: agenda.map(({ title, kind, done, carriedTo }) => ({ title, kind, done, carriedTo })),
    notes: notesToMarkdown(notes, mentionNames),
    goals: readGoals(doc).map((goal) => goal.text),
    decisions: readDecisions(doc).map((decision) => decision.text),
    obstacles: readObstacles(doc).map(({ theme, description, proposedFix }) => ({
      theme,
      description,
      proposedFix,
    })),
    participants,
    actions: documentActions.map((action) => ({
      id: action.id,
      title: action.title,
      description: action.description,
      responsibleAgency: {
        id: action.responsibleAgencyId,
        name: agencyNames.get(action.responsibleAgencyId) ?? "",
      },
      dueDate: action.dueDate,
      status: action.status,
    })),
    reviews: await loadReviews(tx, conference.id),
    attendance: (await listAttendance(tx, conference.id)).map((entry) => ({
      name: entry.person.displayName,
      agency: entry.agency,
      kind: entry.kind,
      confidentialityConfirmed: entry.confidentialityConfirmed,
    })),
    nextReviewOn: input.nextReviewOn ?? findNextReview(agenda),
    piiOverride: input.override
      ? {
          reason: input.override.reason,
          findingCount: input.override.findings.length,
          kinds: [...new Set(input.override.findings.map((finding) => finding.kind))].sort(),
        }
      : null,
  };
}

const origin = alias(schema.conferences, "origin");

/** The reviews of carried-over actions made at this conference, as they stand now. */
async function loadReviews(tx: Executor, conferenceId: string): Promise<TMinutesReview[]> {
  const reviews = schema.actionReviews;
  const responsible = alias(schema.agencies, "responsible");
  const rows = await tx
    .select({
      review: reviews,
      title: schema.actions.title,
      responsible: { id: responsible.id, name: responsible.name },
      origin: { title: origin.title, scheduledAt: origin.scheduledAt },
      reviewer: schema.users.displayName,
      agency: { id: schema.agencies.id, name: schema.agencies.name },
    })
    .from(reviews)
    .innerJoin(schema.actions, eq(schema.actions.id, reviews.actionId))
    .innerJoin(responsible, eq(responsible.id, schema.actions.responsibleAgencyId))
    .leftJoin(origin, eq(origin.id, schema.actions.conferenceId))
    .innerJoin(schema.users, eq(schema.users.id, reviews.reviewedBy))
    .innerJoin(schema.agencies, eq(schema.agencies.id, reviews.agencyId))
    .where(eq(reviews.conferenceId, conferenceId))
    .orderBy(asc(reviews.reviewedAt), asc(reviews.id));
  return rows.map((row) => ({
    actionId: row.review.actionId,
    title: row.title,
    responsibleAgency: row.responsible,
    agreedAt: row.origin
      ? { title: row.origin.title, on: todayInBerlin(row.origin.scheduledAt) }
      : null,
    outcome: row.review.outcome,
    note: row.review.note,
    newDueDate: row.review.newDueDate,
    reviewedBy: { name: row.reviewer, agency: row.agency },
  }));
}

async function loadParticipants(
  tx: Executor,
  conference: ConferenceRow,
  caseRow: CaseRow,
  at: Date,
): Promise<TMinutesParticipant[]> {
  const invited = await tx
    .select({
      agencyId: schema.conferenceParticipants.agencyId,
      role: schema.conferenceParticipants.role,
    })
    .from(schema.conferenceParticipants)
    .where(eq(schema.conferenceParticipants.conferenceId, conference.id));
  const agencyIds = [caseRow.ownerAgencyId, ...invited.map((row) => row.agencyId)];
  const agencies = await tx
    .select({ id: schema.agencies.id, name: schema.agencies.name, kind: schema.agencies.kind })
    .from(schema.agencies)
    .where(inArray(schema.agencies.id, agencyIds));
  const bases = await tx
    .select()
    .from(schema.sharingBases)
    .where(eq(schema.sharingBases.caseId, caseRow.id));
  const today = todayInBerlin(at);
  const byId = new Map(agencies.map((agency) => [agency.id, agency]));
  const roles = new Map<string, TMinutesParticipant["role"]>([
    ...invited.map((row) => [row.agencyId, row.role as "editor" | "observer"] as const),
    [caseRow.ownerAgencyId, "owner"],
  ]);
  return [...roles.entries()]
    .map(([agencyId, role]): TMinutesParticipant => {
      const agency = byId.get(agencyId);
      const ref = { id: agencyId, name: agency?.name ?? "", kind: agency?.kind ?? "" };
      if (role === "owner") {
        return {
          agency: ref,
          role,
          basis: { id: null, kind: "owner", norm: null, consentGivenOn: null, purpose: null },
        };
      }
      // The newest active basis is the one the agency relied on in this meeting.
      const basis = bases
        .filter((row) => row.agencyId === agencyId && isBasisActive(row, today))
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
      return {
        agency: ref,
        role,
        basis: basis
          ? {
              id: basis.id,
              kind: basis.legalBasis === "statute" ? "statute" : "consent",
              norm: basis.statuteNorm,
              consentGivenOn: basis.consentGivenOn,
              purpose: basis.purpose,
            }
          : { id: null, kind: "none", norm: null, consentGivenOn: null, purpose: null },
      };
    })
    .sort((a, b) =>
      a.role === "owner" ? -1 : b.role === "owner" ? 1 : a.agency.name.localeCompare(b.agency.name),
    );
}
