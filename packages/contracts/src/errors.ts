import { z } from "zod";
import { ZId, ZIsoDateTime } from "./common.ts";
import { ZTextFinding } from "./minutes.ts";
import { ERROR_REASONS } from "./vocabulary.ts";

/** What kind of refusal it is; follows the HTTP status. */
export const ERROR_CODES = [
  "bad_request",
  "validation_failed",
  "unauthenticated",
  "session_expired",
  "csrf_failed",
  "invalid_credentials",
  "account_locked",
  "account_disabled",
  "forbidden",
  "not_found",
  "conflict",
  "invalid_transition",
  "payload_too_large",
  "unsupported_media_type",
  "rate_limited",
  "service_unavailable",
  "internal_error",
] as const;
export const ZErrorCode = z.enum(ERROR_CODES);
export type TErrorCode = z.infer<typeof ZErrorCode>;

export const ZErrorReason = z.enum(ERROR_REASONS);
export type TErrorReason = z.infer<typeof ZErrorReason>;

/** One refused field: where it is (a JSON pointer into body, query or params) and why. */
export const ZProblem = z.object({
  where: z.enum(["body", "querystring", "params", "headers"]),
  path: z.string(),
  reason: ZErrorReason,
  /** The length, count or size the field must not pass (or reach, for minimums). */
  limit: z.number().optional(),
  message: z.string(),
});
export type TProblem = z.infer<typeof ZProblem>;

/** Everything an error may carry beside its reason; each field belongs to named reasons. */
export const ZErrorDetails = z.object({
  /** validation_failed: each refused field. */
  problems: z.array(ZProblem).optional(),
  /** action_changed_meanwhile: the version to reload. */
  currentVersion: z.number().int().optional(),
  /** version_conflict: the newest saved version of the action plan. */
  latestVersion: z.number().int().optional(),
  /** already_disputed: the mark that is already there. */
  disputeId: ZId.optional(),
  /** agencies_cannot_see_case: the agencies that cannot be invited. */
  agencyIds: z.array(ZId).optional(),
  /** personal_data_found: what the guard found, and where. */
  findings: z.array(ZTextFinding).optional(),
  /** already_revoked: when. */
  revokedAt: ZIsoDateTime.optional(),
  /** account_locked: until when. */
  lockedUntil: ZIsoDateTime.optional(),
  /** finalise_through_minutes: the route that finalises. */
  use: z.string().optional(),
});
export type TErrorDetails = z.infer<typeof ZErrorDetails>;

/** The one shape every error response has. */
export const ZErrorResponse = z.object({
  error: z.object({
    code: ZErrorCode,
    reason: ZErrorReason.optional(),
    message: z.string(),
    details: ZErrorDetails.optional(),
  }),
});
export type TErrorResponse = z.infer<typeof ZErrorResponse>;
