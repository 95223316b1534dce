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
  ZUserRef,
} from "./common.ts";
import { ZAgendaItemKind, ZAttendanceKind, ZConferenceStatus, ZParticipantRole } from "./enums.ts";
import { withReason } from "./problems.ts";
import { TEXT_LIMITS } from "./vocabulary.ts";

export const ZParticipant = z.object({
  agency: ZAgencyRef,
  role: ZParticipantRole,
  /**
   * False once the agency's basis for the case was revoked or ran out: it stays on the
   * list, marked, sees nothing, and a Wiedervorlage does not invite it again.
   */
  hasAccess: z.boolean(),
});
export type TParticipant = z.infer<typeof ZParticipant>;

/**
 * A planned agenda item: a standard Fallkonferenz item (`kind`, titled in the reader's
 * language) or an own one (`title`: from the Kreis's template or carried over).
 */
export const ZAgendaItem = z.object({
  id: ZId,
  position: z.number().int(),
  kind: ZAgendaItemKind.nullable(),
  title: z.string().nullable(),
});
export type TAgendaItem = z.infer<typeof ZAgendaItem>;

/** The most items an agenda template may have; a conference's agenda is meant to be short. */
export const AGENDA_TEMPLATE_MAX_ITEMS = 20;

const ZAgendaTemplateEntry = z.union([
  z.strictObject({ kind: ZAgendaItemKind }),
  z.strictObject({ title: trimmedText(TEXT_LIMITS.name) }),
]);

/**
 * The agenda every new conference starts with, in order: standard items by kind and
 * the Kreis's own items by title. Each standard item at most once.
 */
export const ZAgendaTemplate = z.object({
  items: z
    .array(ZAgendaTemplateEntry)
    .min(1)
    .max(AGENDA_TEMPLATE_MAX_ITEMS)
    .refine(
      (items) => {
        const kinds = items.flatMap((item) => ("kind" in item ? [item.kind] : []));
        return new Set(kinds).size === kinds.length;
      },
      withReason("Each standard item may appear only once", "listed_twice"),
    ),
});
export type TAgendaTemplate = z.infer<typeof ZAgendaTemplate>;

export const ZAgendaTemplateResponse = ZAgendaTemplate.extend({
  /** True while the Kreis uses the Fallkonferenz template unchanged. */
  isDefault: z.boolean(),
});
export type TAgendaTemplateResponse = z.infer<typeof ZAgendaTemplateResponse>;

/**
 * Puts an agenda item of a running conference on the agenda of a later, not yet begun
 * conference of the same case. Moving or copying differ only in the room: a moved item
 * is marked there as carried on.
 */
export const ZCarryAgendaItemRequest = z.object({
  toConferenceId: ZId,
  title: trimmedText(TEXT_LIMITS.name),
  mode: z.enum(["move", "copy"]),
  notPersonalDataReason: ZNotPersonalDataReason.optional(),
});
export type TCarryAgendaItemRequest = z.infer<typeof ZCarryAgendaItemRequest>;

export const ZCarryAgendaItemResponse = z.object({
  item: ZAgendaItem,
  toConference: z.object({
    id: ZId,
    title: z.string(),
    scheduledAt: ZIsoDateTime,
    /** The day it takes place in the Kreis, as a moved item is marked with. */
    scheduledOn: ZIsoDate,
  }),
});
export type TCarryAgendaItemResponse = z.infer<typeof ZCarryAgendaItemResponse>;

export const ZConference = z.object({
  id: ZId,
  caseId: ZId,
  caseCode: ZCaseCode,
  title: z.string(),
  scheduledAt: ZIsoDateTime,
  status: ZConferenceStatus,
  participants: z.array(ZParticipant),
  agenda: z.array(ZAgendaItem),
  createdAt: ZIsoDateTime,
  startedAt: ZIsoDateTime.nullable(),
  concludedAt: ZIsoDateTime.nullable(),
  finalisedAt: ZIsoDateTime.nullable(),
  /** Where it takes place (a room, an address); empty when only online. */
  location: z.string(),
  /** The video meeting's address; empty when there is none. */
  videoLink: z.string(),
  durationMinutes: z.number().int(),
  /** The conference whose Wiedervorlage this is, if one planned it. */
  followsConferenceId: ZId.nullable(),
  /**
   * The reading agency's own role at this conference; the owning agency counts as
   * editor unless it listed itself otherwise. Null only when the agency has no role.
   */
  myRole: ZParticipantRole.nullable(),
  isOwner: z.boolean(),
});
export type TConference = z.infer<typeof ZConference>;

export const ZConferenceListResponse = z.object({ conferences: z.array(ZConference) });
export type TConferenceListResponse = z.infer<typeof ZConferenceListResponse>;

const ZParticipantInput = z.object({ agencyId: ZId, role: ZParticipantRole.default("editor") });

// One row per agency and conference: a duplicate would otherwise surface as a 409 from the database.
const ZParticipantInputList = z
  .array(ZParticipantInput)
  .max(50)
  .refine(
    (list) => new Set(list.map((entry) => entry.agencyId)).size === list.length,
    withReason("Each agency may be listed only once", "listed_twice"),
  );

function isHttpsAddress(value: string): boolean {
  try {
    return new URL(value).protocol === "https:";
  } catch {
    return false;
  }
}

/** Where, how and how long: details everyone invited reads, editable until the conference starts. */
const ZConferenceDetails = {
  location: text(TEXT_LIMITS.name),
  /** Only https addresses, so a link in the invitation cannot run anything. */
  videoLink: text(TEXT_LIMITS.purpose).refine(
    (value) => value === "" || isHttpsAddress(value),
    withReason("Only https:// addresses", "invalid_format"),
  ),
  durationMinutes: z.number().int().min(15).max(480),
};

export const ZCreateConferenceRequest = z.object({
  title: trimmedText(TEXT_LIMITS.name),
  scheduledAt: ZIsoDateTime,
  participants: ZParticipantInputList.default([]),
  location: ZConferenceDetails.location.default(""),
  videoLink: ZConferenceDetails.videoLink.default(""),
  durationMinutes: ZConferenceDetails.durationMinutes.default(60),
  /**
   * Plan a series: `count` conferences in all, `everyWeeks` apart, at the same time of
   * day in the Kreis, with the same invitations. The answer is the first one.
   */
  series: z
    .object({
      everyWeeks: z.number().int().min(1).max(26),
      count: z.number().int().min(2).max(12),
    })
    .optional(),
});
export type TCreateConferenceRequest = z.input<typeof ZCreateConferenceRequest>;

export const ZUpdateConferenceRequest = z
  .object({
    title: trimmedText(TEXT_LIMITS.name),
    scheduledAt: ZIsoDateTime,
    participants: ZParticipantInputList,
    ...ZConferenceDetails,
  })
  .partial()
  .refine(
    (value) => Object.keys(value).length > 0,
    withReason("Nothing to change", "nothing_to_change"),
  );
export type TUpdateConferenceRequest = z.input<typeof ZUpdateConferenceRequest>;

export const ZChangeConferenceStatusRequest = z.object({ status: ZConferenceStatus });
export type TChangeConferenceStatusRequest = z.infer<typeof ZChangeConferenceStatusRequest>;

export const ZUpcomingConferencesQuery = z.object({
  limit: z.coerce.number().int().min(1).max(TEXT_LIMITS.name).default(50),
});
export type TUpcomingConferencesQuery = z.infer<typeof ZUpcomingConferencesQuery>;

/** Recording one's own attendance; present needs the confidentiality confirmed. */
export const ZRecordAttendanceRequest = z
  .object({
    kind: ZAttendanceKind,
    confidentialityConfirmed: z.boolean().default(false),
  })
  .refine(
    (value) => value.kind !== "present" || value.confidentialityConfirmed,
    withReason("Taking part needs the confidentiality confirmed", "confidentiality_required", [
      "confidentialityConfirmed",
    ]),
  );
export type TRecordAttendanceRequest = z.input<typeof ZRecordAttendanceRequest>;

export const ZAttendance = z.object({
  person: ZUserRef,
  agency: ZAgencyRef,
  kind: ZAttendanceKind,
  confidentialityConfirmed: z.boolean(),
  recordedAt: ZIsoDateTime,
});
export type TAttendance = z.infer<typeof ZAttendance>;
export const ZAttendanceListResponse = z.object({ attendance: z.array(ZAttendance) });
export type TAttendanceListResponse = z.infer<typeof ZAttendanceListResponse>;
