import { z } from "zod";

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

/** The one shape every error response has. */
export const ZErrorResponse = z.object({
  error: z.object({
    code: ZErrorCode,
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type TErrorResponse = z.infer<typeof ZErrorResponse>;
