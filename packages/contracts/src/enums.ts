import { z } from "zod";

export const AGENCY_KINDS = [
  "auslaenderbehoerde",
  "einbuergerungsbehoerde",
  "kommunales_integrationszentrum",
  "kim_case_management",
  "jobcenter",
  "agentur_fuer_arbeit",
  "migrationsberatung",
  "schule",
  "kommune",
  "sonstige",
] as const;
export const ZAgencyKind = z.enum(AGENCY_KINDS);
export type TAgencyKind = z.infer<typeof ZAgencyKind>;

export const USER_ROLES = ["member", "coordinator", "platform_admin"] as const;
export const ZUserRole = z.enum(USER_ROLES);
export type TUserRole = z.infer<typeof ZUserRole>;

/** Fields of action (Handlungsfelder) a case can touch. */
export const CASE_THEMES = [
  "residence",
  "identity_clarification",
  "language",
  "work",
  "training",
  "housing",
  "health",
  "family",
  "education",
  "mobility",
  "dealing_with_authorities",
  "finances",
] as const;
export const ZCaseTheme = z.enum(CASE_THEMES);
export type TCaseTheme = z.infer<typeof ZCaseTheme>;

/** Themes that by themselves reveal special-category data (GDPR Art. 9). */
export const SPECIAL_CATEGORY_THEMES: readonly TCaseTheme[] = ["health"];

export const ZCaseStatus = z.enum(["open", "closed"]);
export type TCaseStatus = z.infer<typeof ZCaseStatus>;

export const DATA_CATEGORIES = ["general", "special"] as const;
export const ZDataCategory = z.enum(DATA_CATEGORIES);
export type TDataCategory = z.infer<typeof ZDataCategory>;

export const ZLegalBasisKind = z.enum(["consent", "statute"]);
export type TLegalBasisKind = z.infer<typeof ZLegalBasisKind>;

export const ZConsentForm = z.enum(["written", "electronic"]);
export type TConsentForm = z.infer<typeof ZConsentForm>;

export const CONFERENCE_STATUSES = ["planned", "live", "concluded", "finalised"] as const;
export const ZConferenceStatus = z.enum(CONFERENCE_STATUSES);
export type TConferenceStatus = z.infer<typeof ZConferenceStatus>;

export const ZParticipantRole = z.enum(["editor", "observer"]);
export type TParticipantRole = z.infer<typeof ZParticipantRole>;

export const ACTION_STATUSES = ["open", "in_progress", "done", "cancelled"] as const;
export const ZActionStatus = z.enum(ACTION_STATUSES);
export type TActionStatus = z.infer<typeof ZActionStatus>;

/** Agenda of a Fallkonferenz, in its fixed order. */
export const CONFERENCE_AGENDA_TEMPLATE = [
  "case_presentation",
  "questions",
  "resources_and_obstacles",
  "goals",
  "actions",
  "next_review",
] as const;
export const ZAgendaItemKind = z.enum(CONFERENCE_AGENDA_TEMPLATE);
export type TAgendaItemKind = z.infer<typeof ZAgendaItemKind>;

export const AUDIT_ACTIONS = [
  "list",
  "view",
  "create",
  "change",
  "delete",
  "export",
  "denied",
  "login",
  "logout",
] as const;
export const ZAuditAction = z.enum(AUDIT_ACTIONS);
export type TAuditAction = z.infer<typeof ZAuditAction>;
