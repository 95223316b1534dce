import { z } from "zod";
import { text, trimmedText, ZAgencyRef, ZCaseCode, ZId, ZIsoDate, ZIsoDateTime } from "./common.ts";
import { ZCaseStatus, ZCaseTheme } from "./enums.ts";
import { withReason } from "./problems.ts";
import { TEXT_LIMITS, THEME_CATALOGUE_MAX } from "./vocabulary.ts";

const ZThemes = z
  .array(ZCaseTheme)
  .max(THEME_CATALOGUE_MAX)
  .transform((themes) => [...new Set(themes)]);

export const ZCase = z.object({
  id: ZId,
  code: ZCaseCode,
  ownerAgency: ZAgencyRef,
  summary: z.string(),
  themes: z.array(ZCaseTheme),
  /** Present only for agencies whose basis covers special-category data. */
  specialCategoryNote: z.string().nullable().optional(),
  status: ZCaseStatus,
  closedAt: ZIsoDateTime.nullable(),
  createdAt: ZIsoDateTime,
  updatedAt: ZIsoDateTime,
  /** How the reading agency may see this case. */
  access: z.object({
    isOwner: z.boolean(),
    specialCategory: z.boolean(),
    hasIdentityRecord: z.boolean().optional(),
  }),
});
export type TCase = z.infer<typeof ZCase>;

export const ZCaseListQuery = z.object({
  q: text(100).optional(),
  theme: ZCaseTheme.optional(),
  status: ZCaseStatus.optional(),
});
export type TCaseListQuery = z.infer<typeof ZCaseListQuery>;
export const ZCaseListResponse = z.object({ cases: z.array(ZCase) });
export type TCaseListResponse = z.infer<typeof ZCaseListResponse>;

export const ZCreateCaseRequest = z.object({
  summary: text(TEXT_LIMITS.longText).default(""),
  themes: ZThemes.default([]),
  specialCategoryNote: text(TEXT_LIMITS.longText).optional(),
});
export type TCreateCaseRequest = z.input<typeof ZCreateCaseRequest>;

export const ZUpdateCaseRequest = z
  .object({
    summary: text(TEXT_LIMITS.longText),
    themes: ZThemes,
    specialCategoryNote: text(TEXT_LIMITS.longText).nullable(),
    status: ZCaseStatus,
  })
  .partial()
  .refine(
    (value) => Object.keys(value).length > 0,
    withReason("Nothing to change", "nothing_to_change"),
  );
export type TUpdateCaseRequest = z.input<typeof ZUpdateCaseRequest>;

/** Who the person behind a case code is. Only the owning agency ever sees it. */
export const ZIdentityRecord = z.object({
  name: trimmedText(TEXT_LIMITS.name),
  dateOfBirth: ZIsoDate.nullable().default(null),
  fileNumber: text(100).nullable().default(null),
  note: text(TEXT_LIMITS.reason).nullable().default(null),
});
export type TIdentityRecord = z.infer<typeof ZIdentityRecord>;
export type TIdentityRecordInput = z.input<typeof ZIdentityRecord>;
export const ZIdentityRecordResponse = z.object({
  identity: ZIdentityRecord,
  updatedAt: ZIsoDateTime,
});
export type TIdentityRecordResponse = z.infer<typeof ZIdentityRecordResponse>;
