import { z } from "zod";
import {
  text,
  trimmedText,
  ZAgencyRef,
  ZCaseCode,
  ZId,
  ZIsoDate,
  ZIsoDateTime,
  ZNotPersonalDataReason,
  ZQueryBoolean,
  ZUserRef,
} from "./common.ts";
import { ZActionEventKind, ZActionReviewOutcome, ZActionStatus, ZCaseTheme } from "./enums.ts";
import { withReason } from "./problems.ts";
import { TEXT_LIMITS } from "./vocabulary.ts";

export const ZAction = z.object({
  id: ZId,
  caseId: ZId,
  caseCode: ZCaseCode,
  conferenceId: ZId.nullable(),
  /** The conference that agreed it, to name it where the action is listed. */
  conference: z.object({ title: z.string(), scheduledAt: ZIsoDateTime }).nullable(),
  title: z.string(),
  description: z.string(),
  responsibleAgency: ZAgencyRef,
  responsiblePerson: ZUserRef.nullable(),
  dueDate: ZIsoDate.nullable(),
  status: ZActionStatus,
  statusChangedAt: ZIsoDateTime.nullable(),
  statusChangedBy: ZUserRef.nullable(),
  createdAt: ZIsoDateTime,
  updatedAt: ZIsoDateTime,
  /** Increases with every change; send it back as `expectedVersion` to avoid overwriting. */
  version: z.number().int(),
  commentCount: z.number().int(),
  /** Whether the reading user may change it, or only comment. */
  canEdit: z.boolean(),
  /**
   * Still to do, but the responsible agency can no longer see the case (its basis was
   * revoked or ran out): the owning agency reassigns or cancels it.
   */
  needsNewOwner: z.boolean(),
});
export type TAction = z.infer<typeof ZAction>;

export const ZActionListResponse = z.object({ actions: z.array(ZAction) });
export type TActionListResponse = z.infer<typeof ZActionListResponse>;

/** A new action; the responsible agency must be able to see the case, the person must belong to it. */
export const ZCreateActionRequest = z.object({
  title: trimmedText(TEXT_LIMITS.actionTitle),
  description: text(TEXT_LIMITS.longText).default(""),
  responsibleAgencyId: ZId,
  responsiblePersonId: ZId.nullable().default(null),
  dueDate: ZIsoDate.nullable().default(null),
  notPersonalDataReason: ZNotPersonalDataReason.optional(),
});
export type TCreateActionRequest = z.input<typeof ZCreateActionRequest>;

export const ZUpdateActionRequest = z
  .object({
    title: trimmedText(TEXT_LIMITS.actionTitle),
    description: text(TEXT_LIMITS.longText),
    responsibleAgencyId: ZId,
    responsiblePersonId: ZId.nullable(),
    dueDate: ZIsoDate.nullable(),
    status: ZActionStatus,
    /** The `version` the client last saw; a mismatch answers 409 with `details.currentVersion`. */
    expectedVersion: z.number().int().min(1),
    notPersonalDataReason: ZNotPersonalDataReason,
  })
  .partial()
  .refine(
    (value) =>
      Object.keys(value).some(
        (key) => key !== "expectedVersion" && key !== "notPersonalDataReason",
      ),
    withReason("Nothing to change", "nothing_to_change"),
  );
export type TUpdateActionRequest = z.input<typeof ZUpdateActionRequest>;

export const ZActionComment = z.object({
  id: ZId,
  actionId: ZId,
  author: ZUserRef,
  agency: ZAgencyRef,
  /** Empty once withdrawn. */
  body: z.string(),
  createdAt: ZIsoDateTime,
  /** When the author took it back; the text is then gone for everyone. */
  withdrawnAt: ZIsoDateTime.nullable(),
});
export type TActionComment = z.infer<typeof ZActionComment>;
export const ZActionCommentListResponse = z.object({ comments: z.array(ZActionComment) });
/** The most people one comment may mention (@). */
export const COMMENT_MAX_MENTIONS = 10;
export const ZCreateCommentRequest = z.object({
  body: trimmedText(TEXT_LIMITS.longText),
  notPersonalDataReason: ZNotPersonalDataReason.optional(),
  /** People (@) to notify; each must be an active member of an agency that can see the case. */
  mentionedUserIds: z
    .array(ZId)
    .max(COMMENT_MAX_MENTIONS)
    .refine(
      (ids) => new Set(ids).size === ids.length,
      withReason("Each person may be mentioned only once", "listed_twice"),
    )
    .optional(),
});
export type TCreateCommentRequest = z.infer<typeof ZCreateCommentRequest>;

export const ZActionEvent = z.object({
  id: ZId,
  actionId: ZId,
  actor: ZUserRef.nullable(),
  agency: ZAgencyRef.nullable(),
  kind: ZActionEventKind,
  /** Field name to old and new value; ids for agency and person. */
  changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
  at: ZIsoDateTime,
});
export type TActionEvent = z.infer<typeof ZActionEvent>;
export const ZActionHistoryResponse = z.object({ events: z.array(ZActionEvent) });

export const ZInboxQuery = z.object({
  /** `agency`: everything my agency owns; `me`: only what names me. */
  scope: z.enum(["agency", "me"]).default("agency"),
  /** Repeat to pass several; without it: open and in_progress. */
  status: z
    .union([ZActionStatus, z.array(ZActionStatus)])
    .transform((value) => (Array.isArray(value) ? value : [value]))
    .optional(),
  /** Due strictly before this day. */
  dueBefore: ZIsoDate.optional(),
  /** `true`: due before today and neither done nor cancelled; `false`: everything else. */
  overdue: ZQueryBoolean.optional(),
  caseId: ZId.optional(),
  theme: ZCaseTheme.optional(),
  /** `true`: only actions of my agency's cases whose responsible agency lost access. */
  needsNewOwner: ZQueryBoolean.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export type TInboxQuery = z.input<typeof ZInboxQuery>;
/** The query after parsing, as the server reads it. */
export type TInboxFilters = z.output<typeof ZInboxQuery>;

/** For the whole scope, ignoring the other filters. */
export const ZInboxCounts = z.object({
  /** Open or in progress. */
  open: z.number().int(),
  /** Open or in progress, due before today. */
  overdue: z.number().int(),
  /** Open or in progress, due from today up to and including today + 7. */
  dueWithin7Days: z.number().int(),
  /** Pending actions of cases my agency owns whose responsible agency lost access (agency scope). */
  needsNewOwner: z.number().int(),
});
export type TInboxCounts = z.infer<typeof ZInboxCounts>;

export const ZInboxResponse = z.object({
  actions: z.array(ZAction),
  counts: ZInboxCounts,
});
export type TInboxResponse = z.infer<typeof ZInboxResponse>;

/**
 * Reviewing a carried-over action at a conference. "in_progress" needs the new due
 * date; "not_possible" and "not_done" need a note saying why.
 */
export const ZReviewActionRequest = z
  .object({
    outcome: ZActionReviewOutcome,
    note: text(TEXT_LIMITS.longText).default(""),
    newDueDate: ZIsoDate.nullable().default(null),
    notPersonalDataReason: ZNotPersonalDataReason.optional(),
  })
  .refine(
    (value) => value.outcome !== "in_progress" || value.newDueDate !== null,
    withReason("Still in progress needs a new due date", "due_date_required", ["newDueDate"]),
  )
  .refine(
    (value) =>
      (value.outcome !== "not_possible" && value.outcome !== "not_done") ||
      value.note.trim() !== "",
    withReason("Say why it was not done", "note_required", ["note"]),
  );
export type TReviewActionRequest = z.input<typeof ZReviewActionRequest>;

export const ZActionReview = z.object({
  actionId: ZId,
  conferenceId: ZId,
  outcome: ZActionReviewOutcome,
  note: z.string(),
  newDueDate: ZIsoDate.nullable(),
  reviewedBy: ZUserRef,
  agency: ZAgencyRef,
  reviewedAt: ZIsoDateTime,
});
export type TActionReview = z.infer<typeof ZActionReview>;
export const ZActionReviewListResponse = z.object({ reviews: z.array(ZActionReview) });
export type TActionReviewListResponse = z.infer<typeof ZActionReviewListResponse>;
export const ZReviewActionResponse = z.object({ review: ZActionReview, action: ZAction });
