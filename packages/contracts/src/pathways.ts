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
import { ZActionStatus } from "./enums.ts";
import { PATHWAY_STATUSES, TEXT_LIMITS } from "./vocabulary.ts";

/**
 * Residence pathway checklists: the law's prerequisites of a pathway (§ 104c, § 25a,
 * § 25b, § 60c, § 60d AufenthG, § 10 StAG) as a working aid for the case conference.
 * Nothing here is a legal decision; the immigration office decides.
 */

/** A pathway, e.g. `aufenthg-104c`, and a prerequisite, e.g. `deutsch-b1`: stable keys. */
const ZStableKey = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  .max(60);
export const ZPathwayKey = ZStableKey;
export const ZPrerequisiteKey = ZStableKey;

export const ZPathwayStatus = z.enum(PATHWAY_STATUSES);
export type TPathwayStatus = z.infer<typeof ZPathwayStatus>;

export const ZPathwayPrerequisite = z.object({
  key: ZPrerequisiteKey,
  de: trimmedText(TEXT_LIMITS.purpose),
  en: trimmedText(TEXT_LIMITS.purpose),
  hintDe: text(TEXT_LIMITS.purpose).nullable().default(null),
  hintEn: text(TEXT_LIMITS.purpose).nullable().default(null),
  /** The title an action to meet it starts with. */
  actionTitleDe: trimmedText(TEXT_LIMITS.actionTitle),
});
export type TPathwayPrerequisite = z.infer<typeof ZPathwayPrerequisite>;

export const ZPathwayTemplate = z.object({
  id: ZId,
  pathwayKey: ZPathwayKey,
  version: z.number().int().min(1),
  norm: z.string(),
  titleDe: z.string(),
  titleEn: z.string(),
  prerequisites: z.array(ZPathwayPrerequisite),
  /** Null for the versions shipped with the platform. */
  createdBy: ZUserRef.nullable(),
  agency: ZAgencyRef.nullable(),
  createdAt: ZIsoDateTime,
});
export type TPathwayTemplate = z.infer<typeof ZPathwayTemplate>;

/** The newest version of every template, and whether I may write a new one. */
export const ZPathwayTemplateListResponse = z.object({
  templates: z.array(ZPathwayTemplate),
  mayEdit: z.boolean(),
});
export type TPathwayTemplateListResponse = z.infer<typeof ZPathwayTemplateListResponse>;

export const ZPathwayKeyParams = z.object({ pathwayKey: ZPathwayKey });

/** A new version of a template; keys already in use keep their meaning. */
export const ZWritePathwayTemplateRequest = z.object({
  norm: trimmedText(TEXT_LIMITS.name),
  titleDe: trimmedText(TEXT_LIMITS.name),
  titleEn: trimmedText(TEXT_LIMITS.name),
  prerequisites: z.array(ZPathwayPrerequisite).min(1).max(20),
});
export type TWritePathwayTemplateRequest = z.input<typeof ZWritePathwayTemplateRequest>;

/** Agencies whose coordinators an immigration office named as template editors. */
export const ZPathwayTemplateEditorListResponse = z.object({
  editors: z.array(z.object({ agency: ZAgencyRef, namedBy: ZAgencyRef, createdAt: ZIsoDateTime })),
});
export type TPathwayTemplateEditorListResponse = z.infer<typeof ZPathwayTemplateEditorListResponse>;
export const ZNameTemplateEditorRequest = z.object({ agencyId: ZId });
export const ZTemplateEditorParams = z.object({ agencyId: ZId });

export const ZPathwayItem = ZPathwayPrerequisite.extend({
  /** Null while nobody has judged it yet. */
  status: ZPathwayStatus.nullable(),
  setAt: ZIsoDateTime.nullable(),
  setBy: ZUserRef.nullable(),
  setByAgency: ZAgencyRef.nullable(),
  /** The action created to meet it, while it exists. */
  action: z.object({ id: ZId, title: z.string(), status: ZActionStatus }).nullable(),
});
export type TPathwayItem = z.infer<typeof ZPathwayItem>;

export const ZPathwayStatusChange = z.object({
  prerequisiteKey: ZPrerequisiteKey,
  from: ZPathwayStatus.nullable(),
  to: ZPathwayStatus,
  by: ZUserRef.nullable(),
  agency: ZAgencyRef,
  at: ZIsoDateTime,
});
export type TPathwayStatusChange = z.infer<typeof ZPathwayStatusChange>;

export const ZPathwayChecklist = z.object({
  id: ZId,
  caseId: ZId,
  pathwayKey: ZPathwayKey,
  norm: z.string(),
  titleDe: z.string(),
  titleEn: z.string(),
  /** The template version the checklist started with; a newer wording does not replace it. */
  templateVersion: z.number().int(),
  startedAt: ZIsoDateTime,
  startedBy: ZUserRef.nullable(),
  startedByAgency: ZAgencyRef,
  items: z.array(ZPathwayItem),
  metCount: z.number().int(),
  /** Prerequisites not marked "not applicable": the "of" in "4 of 5 met". */
  applicableCount: z.number().int(),
  history: z.array(ZPathwayStatusChange),
});
export type TPathwayChecklist = z.infer<typeof ZPathwayChecklist>;

export const ZPathwayChecklistListResponse = z.object({
  checklists: z.array(ZPathwayChecklist),
  /** Whether my agency may start checklists and set statuses (owner or immigration office). */
  mayEdit: z.boolean(),
});
export type TPathwayChecklistListResponse = z.infer<typeof ZPathwayChecklistListResponse>;

export const ZStartPathwayChecklistRequest = z.object({ pathwayKey: ZPathwayKey });
export type TStartPathwayChecklistRequest = z.input<typeof ZStartPathwayChecklistRequest>;

export const ZPathwayChecklistParams = z.object({ id: ZId, checklistId: ZId });
export const ZPathwayPrerequisiteParams = ZPathwayChecklistParams.extend({ key: ZPrerequisiteKey });

export const ZSetPathwayStatusRequest = z.object({ status: ZPathwayStatus });
export type TSetPathwayStatusRequest = z.input<typeof ZSetPathwayStatusRequest>;

/** An action for an unmet prerequisite; its title defaults to the prerequisite's. */
export const ZCreatePathwayActionRequest = z.object({
  title: trimmedText(TEXT_LIMITS.actionTitle).optional(),
  responsibleAgencyId: ZId,
  responsiblePersonId: ZId.nullable().default(null),
  dueDate: ZIsoDate.nullable().default(null),
  /** Set in the conference room: the action is then agreed at that conference. */
  conferenceId: ZId.nullable().default(null),
  notPersonalDataReason: ZNotPersonalDataReason.optional(),
});
export type TCreatePathwayActionRequest = z.input<typeof ZCreatePathwayActionRequest>;

export const PATHWAY_COHORT_PAGE_SIZE = 50;

export const ZPathwayCohortQuery = z.object({
  pathway: ZPathwayKey.optional(),
  minMet: z.coerce.number().int().min(0).max(20).default(0),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
});
export type TPathwayCohortQuery = z.input<typeof ZPathwayCohortQuery>;

/** One checklist of the cohort, pseudonymous: the case code and counts, nothing else. */
export const ZPathwayCohortEntry = z.object({
  caseId: ZId,
  caseCode: ZCaseCode,
  checklistId: ZId,
  pathwayKey: ZPathwayKey,
  norm: z.string(),
  metCount: z.number().int(),
  notMetCount: z.number().int(),
  unclearCount: z.number().int(),
  applicableCount: z.number().int(),
  lastChangedAt: ZIsoDateTime,
});
export type TPathwayCohortEntry = z.infer<typeof ZPathwayCohortEntry>;

export const ZPathwayCohortResponse = z.object({
  entries: z.array(ZPathwayCohortEntry),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});
export type TPathwayCohortResponse = z.infer<typeof ZPathwayCohortResponse>;
