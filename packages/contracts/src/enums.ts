import { z } from "zod";
import { withReason } from "./problems.ts";
import {
  ACTION_EVENT_KINDS,
  ACTION_REVIEW_OUTCOMES,
  ACTION_STATUSES,
  AGENCY_KINDS,
  ATTENDANCE_KINDS,
  AUDIT_ACTIONS,
  AUDIT_TARGET_TYPES,
  CASE_STATUSES,
  CASE_THEMES,
  CONFERENCE_AGENDA_TEMPLATE,
  CONFERENCE_STATUSES,
  CONSENT_FORMS,
  CUSTOM_THEME_KEY_PATTERN,
  type CustomThemeKey,
  DATA_CATEGORIES,
  DISPUTE_TARGET_TYPES,
  LEGAL_BASIS_KINDS,
  PARTICIPANT_ROLES,
  PII_KINDS,
  USER_ROLES,
} from "./vocabulary.ts";

export const ZAgencyKind = z.enum(AGENCY_KINDS);
export type TAgencyKind = z.infer<typeof ZAgencyKind>;

export const ZUserRole = z.enum(USER_ROLES);
export type TUserRole = z.infer<typeof ZUserRole>;

/** One of the twelve default themes; what a Kreis adds is a ZCustomThemeKey. */
export const ZDefaultTheme = z.enum(CASE_THEMES);
/*
 * Typed as the template literal it is. A refinement rather than z.templateLiteral or a
 * regex: a key of the wrong form is a choice not on offer (invalid_choice, as for the
 * twelve), and templateLiteral would add half a kilobyte to every page. The pattern is
 * named for the OpenAPI document.
 */
export const ZCustomThemeKey = z
  .string()
  .refine(
    (value) => CUSTOM_THEME_KEY_PATTERN.test(value),
    withReason("Not a theme key", "invalid_choice"),
  )
  .meta({ pattern: CUSTOM_THEME_KEY_PATTERN.source }) as z.ZodType<CustomThemeKey, CustomThemeKey>;
/** A theme key by its form: whether the Kreis offers it is checked against the catalogue. */
export const ZCaseTheme = z.union([ZDefaultTheme, ZCustomThemeKey]);
export type TCaseTheme = z.infer<typeof ZCaseTheme>;

export const ZCaseStatus = z.enum(CASE_STATUSES);
export type TCaseStatus = z.infer<typeof ZCaseStatus>;

export const ZDataCategory = z.enum(DATA_CATEGORIES);
export type TDataCategory = z.infer<typeof ZDataCategory>;

export const ZLegalBasisKind = z.enum(LEGAL_BASIS_KINDS);
export type TLegalBasisKind = z.infer<typeof ZLegalBasisKind>;

export const ZConsentForm = z.enum(CONSENT_FORMS);
export type TConsentForm = z.infer<typeof ZConsentForm>;

export const ZConferenceStatus = z.enum(CONFERENCE_STATUSES);
export type TConferenceStatus = z.infer<typeof ZConferenceStatus>;

export const ZParticipantRole = z.enum(PARTICIPANT_ROLES);
export type TParticipantRole = z.infer<typeof ZParticipantRole>;

export const ZActionStatus = z.enum(ACTION_STATUSES);
export type TActionStatus = z.infer<typeof ZActionStatus>;

export const ZActionEventKind = z.enum(ACTION_EVENT_KINDS);
export const ZAttendanceKind = z.enum(ATTENDANCE_KINDS);
export type TAttendanceKind = z.infer<typeof ZAttendanceKind>;
export const ZActionReviewOutcome = z.enum(ACTION_REVIEW_OUTCOMES);
export type TActionReviewOutcome = z.infer<typeof ZActionReviewOutcome>;
export type TActionEventKind = z.infer<typeof ZActionEventKind>;

export const ZAgendaItemKind = z.enum(CONFERENCE_AGENDA_TEMPLATE);
export type TAgendaItemKind = z.infer<typeof ZAgendaItemKind>;

export const ZDisputeTargetType = z.enum(DISPUTE_TARGET_TYPES);
export type TDisputeTargetType = z.infer<typeof ZDisputeTargetType>;

export const ZAuditAction = z.enum(AUDIT_ACTIONS);
export type TAuditAction = z.infer<typeof ZAuditAction>;

export const ZAuditTargetType = z.enum(AUDIT_TARGET_TYPES);
export type TAuditTargetType = z.infer<typeof ZAuditTargetType>;

export const ZPiiKind = z.enum(PII_KINDS);
export type TPiiKind = z.infer<typeof ZPiiKind>;
