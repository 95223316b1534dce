import type { TErrorReason } from "@runder-tisch/contracts";
import { ApiError } from "../api/client.ts";

// The reasons a form can run into that have a sentence of their own.
const REASON_KEYS: Partial<Record<TErrorReason, string>> = {
  required: "validation.required",
  too_short: "validation.tooShort",
  too_long: "validation.tooLong",
  invalid_email: "validation.email",
  invalid_id: "validation.choose",
  invalid_choice: "validation.choose",
  date_in_future: "validation.dateInFuture",
  ends_before_given: "validation.endsBeforeGiven",
  agency_inactive: "validation.agencyInactive",
  agency_is_owner: "validation.agencyIsOwner",
  email_taken: "users.emailTaken",
  password_public: "users.passwordRejected",
};

/** `/legalBasis/givenOn` → `legalBasis.givenOn`, the key the client-side check uses too. */
const fieldOf = (path: string) => path.replace(/^\//, "").split("/").join(".") || "form";

/**
 * Turns a server refusal into translation keys per field, so the message appears
 * beside the field it concerns.
 */
export function serverFieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const problems = error.details?.problems ?? [];
  if (problems.length > 0) {
    const result: Record<string, string> = {};
    for (const problem of problems) {
      const field = fieldOf(problem.path);
      result[field] ??= REASON_KEYS[problem.reason] ?? "validation.checkField";
    }
    return result;
  }
  return {};
}
