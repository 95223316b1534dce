import { z } from "zod";
import { ZId, ZIsoDateTime } from "./common.ts";
import { ZAuditAction, ZAuditTargetType } from "./enums.ts";

export const ZAuditEntry = z.object({
  id: z.number().int(),
  at: ZIsoDateTime,
  requestId: z.string().nullable(),
  userId: ZId.nullable(),
  agencyId: ZId.nullable(),
  action: ZAuditAction,
  targetType: ZAuditTargetType,
  targetId: z.string().nullable(),
  caseId: ZId.nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
});
export type TAuditEntry = z.infer<typeof ZAuditEntry>;

export const ZAuditListQuery = z.object({
  agencyId: ZId.optional(),
  userId: ZId.optional(),
  caseId: ZId.optional(),
  action: ZAuditAction.optional(),
  from: ZIsoDateTime.optional(),
  to: ZIsoDateTime.optional(),
  /** Entries with an id below this one (for paging back in time). */
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type TAuditListQuery = z.input<typeof ZAuditListQuery>;
/** The query as the server sees it after parsing: numbers coerced, limit defaulted. */
export type TAuditListFilters = z.output<typeof ZAuditListQuery>;
export const ZAuditListResponse = z.object({ entries: z.array(ZAuditEntry) });
export type TAuditListResponse = z.infer<typeof ZAuditListResponse>;

export const ZAuditVerifyResponse = z.object({
  valid: z.boolean(),
  checked: z.number().int(),
  /** Committed entries another node is still chaining; the next check covers them. */
  pending: z.number().int(),
  /** The first row whose hash or link does not match, when the chain is broken. */
  firstBrokenId: z.number().int().nullable(),
  reason: z.string().nullable(),
});
export type TAuditVerifyResponse = z.infer<typeof ZAuditVerifyResponse>;
