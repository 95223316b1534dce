import { z } from "zod";
import {
  text,
  trimmedText,
  ZAgencyRef,
  ZId,
  ZIsoDateTime,
  ZNotPersonalDataReason,
} from "./common.ts";
import { ZDisputeTargetType } from "./enums.ts";
import { TEXT_LIMITS } from "./vocabulary.ts";

/** Restriction of processing (GDPR Art. 18, § 84 SGB X): the person disputes an entry. */
export const ZRaiseDisputeRequest = z.object({
  reason: trimmedText(TEXT_LIMITS.reason),
  notPersonalDataReason: ZNotPersonalDataReason.optional(),
});
export type TRaiseDisputeRequest = z.infer<typeof ZRaiseDisputeRequest>;

export const ZLiftDisputeRequest = z.object({
  note: text(TEXT_LIMITS.reason).optional(),
  notPersonalDataReason: ZNotPersonalDataReason.optional(),
});
export type TLiftDisputeRequest = z.infer<typeof ZLiftDisputeRequest>;

export const ZDispute = z.object({
  id: ZId,
  caseId: ZId,
  targetType: ZDisputeTargetType,
  targetId: ZId,
  reason: z.string(),
  raisedBy: ZAgencyRef.nullable(),
  raisedAt: ZIsoDateTime,
  liftedAt: ZIsoDateTime.nullable(),
  liftNote: z.string().nullable(),
});
export type TDispute = z.infer<typeof ZDispute>;

export const ZDisputeListResponse = z.object({ disputes: z.array(ZDispute) });
export type TDisputeListResponse = z.infer<typeof ZDisputeListResponse>;

export const ZRetentionRules = z.object({
  closedCaseDays: z.number().int(),
  endedSessionDays: z.number().int(),
  intervalMinutes: z.number().int(),
});
export type TRetentionRules = z.infer<typeof ZRetentionRules>;

export const ZRetentionReport = z.object({
  ranAt: ZIsoDateTime,
  deletedCaseIds: z.array(ZId),
  /** Expired cases kept because an entry is disputed (restriction of processing). */
  skipped: z.array(z.object({ caseId: ZId, reason: z.string(), disputeIds: z.array(ZId) })),
  deletedSessions: z.number().int(),
});
export type TRetentionReport = z.infer<typeof ZRetentionReport>;

export const ZEvaluationCount = z.object({
  year: z.number().int(),
  theme: z.string(),
  agencyKind: z.string(),
  cases: z.number().int(),
  conferences: z.number().int(),
  actions: z.number().int(),
  actionsDone: z.number().int(),
});
