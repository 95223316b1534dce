import { z } from "zod";
import {
  trimmedText,
  ZAgencyRef,
  ZCaseCode,
  ZId,
  ZIsoDate,
  ZIsoDateTime,
  ZQueryBoolean,
  ZUserRef,
} from "./common.ts";
import { ZActionStatus, ZCaseTheme } from "./enums.ts";

export const ZAction = z.object({
  id: ZId,
  caseId: ZId,
  caseCode: ZCaseCode,
  conferenceId: ZId.nullable(),
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
});
export type TAction = z.infer<typeof ZAction>;

export const ZActionListResponse = z.object({ actions: z.array(ZAction) });
export type TActionListResponse = z.infer<typeof ZActionListResponse>;

export const ZCreateActionRequest = z.object({
  title: trimmedText(300),
  description: z.string().trim().max(4000).default(""),
  responsibleAgencyId: ZId,
  responsiblePersonId: ZId.nullable().default(null),
  dueDate: ZIsoDate.nullable().default(null),
});
export type TCreateActionRequest = z.input<typeof ZCreateActionRequest>;

export const ZUpdateActionRequest = z
  .object({
    title: trimmedText(300),
    description: z.string().trim().max(4000),
    responsibleAgencyId: ZId,
    responsiblePersonId: ZId.nullable(),
    dueDate: ZIsoDate.nullable(),
    status: ZActionStatus,
    expectedVersion: z.number().int().min(1),
  })
  .partial()
  .refine((value) => Object.keys(value).some((key) => key !== "expectedVersion"), {
    message: "Nothing to change",
  });
export type TUpdateActionRequest = z.input<typeof ZUpdateActionRequest>;

export const ZActionComment = z.object({
  id: ZId,
  actionId: ZId,
  author: ZUserRef,
  agency: ZAgencyRef,
  body: z.string(),
  createdAt: ZIsoDateTime,
});
export type TActionComment = z.infer<typeof ZActionComment>;
export const ZActionCommentListResponse = z.object({ comments: z.array(ZActionComment) });
export const ZCreateCommentRequest = z.object({ body: trimmedText(4000) });
export type TCreateCommentRequest = z.infer<typeof ZCreateCommentRequest>;

export const ZActionEvent = z.object({
  id: ZId,
  actionId: ZId,
  actor: ZUserRef.nullable(),
  agency: ZAgencyRef.nullable(),
  kind: z.enum(["created", "changed", "commented"]),
  changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })),
  at: ZIsoDateTime,
});
export type TActionEvent = z.infer<typeof ZActionEvent>;
export const ZActionHistoryResponse = z.object({ events: z.array(ZActionEvent) });

export const ZInboxQuery = z.object({
  /** `agency`: everything my agency owns; `me`: only what names me. */
  scope: z.enum(["agency", "me"]).default("agency"),
  status: z
    .union([ZActionStatus, z.array(ZActionStatus)])
    .transform((value) => (Array.isArray(value) ? value : [value]))
    .optional(),
  dueBefore: ZIsoDate.optional(),
  overdue: ZQueryBoolean.optional(),
  caseId: ZId.optional(),
  theme: ZCaseTheme.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export type TInboxQuery = z.input<typeof ZInboxQuery>;

export const ZInboxCounts = z.object({
  open: z.number().int(),
  overdue: z.number().int(),
  dueWithin7Days: z.number().int(),
});
export type TInboxCounts = z.infer<typeof ZInboxCounts>;

export const ZInboxResponse = z.object({
  actions: z.array(ZAction),
  counts: ZInboxCounts,
});
export type TInboxResponse = z.infer<typeof ZInboxResponse>;
