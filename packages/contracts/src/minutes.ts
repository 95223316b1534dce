import { z } from "zod";
import { trimmedText, ZAgencyRef, ZCaseCode, ZId, ZIsoDate, ZIsoDateTime } from "./common.ts";
import { ZActionReviewOutcome, ZActionStatus, ZAttendanceKind, ZCaseTheme } from "./enums.ts";
import { TEXT_LIMITS } from "./vocabulary.ts";

/** Version tag of the stored minutes content; part of what is hashed. */
export const MINUTES_FORMAT = "runder-tisch/minutes@1";

export const ZFinaliseConferenceRequest = z.object({
  /**
   * Why the minutes may be finalised although the PII guard found possible
   * personal data. Without it, findings refuse the request (422).
   */
  overrideReason: trimmedText(TEXT_LIMITS.reason).optional(),
  /**
   * Wiedervorlage; when absent, a date in the title of the "next_review" agenda item is
   * used. A day after today plans the follow-up conference.
   */
  nextReviewOn: ZIsoDate.optional(),
});
export type TFinaliseConferenceRequest = z.input<typeof ZFinaliseConferenceRequest>;

/** One possible piece of personal data the guard found in the document. */
export const ZTextFinding = z.object({
  kind: z.string(),
  /** Where in the document: "notes", "agenda[2]", "goals[0]", "actions[<id>].title" ... */
  where: z.string(),
  excerpt: z.string(),
});
export type TTextFinding = z.infer<typeof ZTextFinding>;

export const ZMinutesBasisKind = z.enum(["owner", "consent", "statute", "none"]);

export const ZMinutesParticipant = z.object({
  agency: ZAgencyRef.extend({ kind: z.string() }),
  role: z.enum(["owner", "editor", "observer"]),
  /** The legal basis under which the agency took part, as it stood at finalisation. */
  basis: z.object({
    id: ZId.nullable(),
    kind: ZMinutesBasisKind,
    norm: z.string().nullable(),
    consentGivenOn: ZIsoDate.nullable(),
    purpose: z.string().nullable(),
  }),
});
export type TMinutesParticipant = z.infer<typeof ZMinutesParticipant>;

export const ZMinutesAction = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  responsibleAgency: ZAgencyRef,
  dueDate: ZIsoDate.nullable(),
  status: ZActionStatus,
});

/** The review of an action carried over from earlier, as it stood when the minutes were finalised. */
export const ZMinutesReview = z.object({
  actionId: ZId,
  title: z.string(),
  responsibleAgency: ZAgencyRef,
  /** Where the action came from: the earlier conference's title and day, or null (outside one). */
  agreedAt: z.object({ title: z.string(), on: ZIsoDate }).nullable(),
  outcome: ZActionReviewOutcome,
  note: z.string(),
  newDueDate: ZIsoDate.nullable(),
  reviewedBy: z.object({ name: z.string(), agency: ZAgencyRef }),
});
export type TMinutesReview = z.infer<typeof ZMinutesReview>;

/** The frozen content; its canonical JSON is what the SHA-256 covers. */
export const ZMinutesContent = z.object({
  format: z.literal(MINUTES_FORMAT),
  case: z.object({ id: ZId, code: ZCaseCode }),
  conference: z.object({
    id: ZId,
    title: z.string(),
    scheduledAt: ZIsoDateTime,
    startedAt: ZIsoDateTime.nullable(),
    concludedAt: ZIsoDateTime.nullable(),
  }),
  finalised: z.object({
    at: ZIsoDateTime,
    userId: ZId,
    userName: z.string(),
    agency: ZAgencyRef,
  }),
  agenda: z.array(
    z.object({
      title: z.string(),
      kind: z.string().nullable(),
      done: z.boolean(),
      /** Moved on to the conference on that day; absent in minutes sealed before it existed. */
      carriedTo: ZIsoDate.nullable().optional(),
    }),
  ),
  notes: z.string(),
  goals: z.array(z.string()),
  decisions: z.array(z.string()),
  /** Obstacles the case ran into, anonymised; absent in minutes finalised before they were recorded. */
  obstacles: z
    .array(
      z.object({
        theme: ZCaseTheme,
        description: z.string(),
        proposedFix: z.string().nullable(),
      }),
    )
    .optional(),
  participants: z.array(ZMinutesParticipant),
  actions: z.array(ZMinutesAction),
  /** Absent in minutes finalised before carried-over actions were reviewed in the room. */
  reviews: z.array(ZMinutesReview).optional(),
  /** Who took part, as recorded; absent in minutes finalised before attendance was recorded. */
  attendance: z
    .array(
      z.object({
        name: z.string(),
        agency: ZAgencyRef,
        kind: ZAttendanceKind,
        confidentialityConfirmed: z.boolean(),
      }),
    )
    .optional(),
  nextReviewOn: ZIsoDate.nullable(),
  /** Present when the coordinator finalised despite findings of the PII guard. */
  piiOverride: z
    .object({ reason: z.string(), findingCount: z.number().int(), kinds: z.array(z.string()) })
    .nullable(),
});
export type TMinutesContent = z.infer<typeof ZMinutesContent>;

/** Computed when shown, never stored: the frozen minutes stay as they were. */
export const ZMinutesMarks = z.object({
  revokedBases: z.array(z.object({ agency: ZAgencyRef, revokedOn: ZIsoDate, text: z.string() })),
  dispute: z.object({ id: ZId, reason: z.string(), raisedAt: ZIsoDateTime }).nullable(),
});
export type TMinutesMarks = z.infer<typeof ZMinutesMarks>;

export const ZMinutes = z.object({
  id: ZId,
  conferenceId: ZId,
  caseId: ZId,
  version: z.number().int(),
  finalisedAt: ZIsoDateTime,
  hash: z.object({ algorithm: z.literal("SHA-256"), value: z.string().regex(/^[0-9a-f]{64}$/) }),
  content: ZMinutesContent,
  marks: ZMinutesMarks,
});
export type TMinutes = z.infer<typeof ZMinutes>;

export const ZMinutesSummary = ZMinutes.pick({
  id: true,
  conferenceId: true,
  version: true,
  finalisedAt: true,
  hash: true,
  marks: true,
});
export const ZMinutesListResponse = z.object({ minutes: z.array(ZMinutesSummary) });
export type TMinutesListResponse = z.infer<typeof ZMinutesListResponse>;

export const ZFinaliseConferenceResponse = z.object({
  conferenceId: ZId,
  status: z.literal("finalised"),
  finalisedAt: ZIsoDateTime,
  minutes: ZMinutes,
  /** The Wiedervorlage conference planned with the minutes, when they name a later review day. */
  followUpConferenceId: ZId.nullable(),
});
export type TFinaliseConferenceResponse = z.infer<typeof ZFinaliseConferenceResponse>;

/** `/api/minutes/:id.pdf` and `.md` take the id with the file ending. */
export const ZMinutesFileParams = z.object({ id: ZId });
