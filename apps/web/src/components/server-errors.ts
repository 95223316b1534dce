import type { TErrorCode } from "@runder-tisch/contracts";
import { z } from "zod";
import { ApiError } from "../api/client.ts";

const ZProblems = z.array(z.looseObject({ path: z.string(), message: z.string() }));

// The server's own checks answer in English; these are the ones a form can run into.
const KNOWN_MESSAGES: Record<string, string> = {
  "The date it was given lies in the future": "validation.dateInFuture",
  "It would end before it was given": "validation.endsBeforeGiven",
  "At least 12 characters": "validation.passwordLength",
  "This agency is deactivated and cannot receive case data": "validation.agencyInactive",
  "The owning agency already sees the case; name another agency": "validation.agencyIsOwner",
};

/** `/legalBasis/givenOn` → `legalBasis.givenOn`, the key the client-side check uses too. */
const fieldOf = (path: string) => path.replace(/^\//, "").split("/").join(".") || "form";

/**
 * Turns a server refusal into translation keys per field, so the message appears
 * beside the field it concerns. `byCode` places refusals that name no field (a
 * taken e-mail address answers 409) on the field they belong to.
 */
export function serverFieldErrors(
  error: unknown,
  byCode: Partial<Record<TErrorCode, { field: string; key: string }>> = {},
): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const problems = ZProblems.safeParse(error.details);
  if (problems.success && problems.data.length > 0) {
    const result: Record<string, string> = {};
    for (const problem of problems.data) {
      const field = fieldOf(problem.path);
      result[field] ??= KNOWN_MESSAGES[problem.message] ?? "validation.checkField";
    }
    return result;
  }
  const placed = byCode[error.code as TErrorCode];
  return placed ? { [placed.field]: placed.key } : {};
}
