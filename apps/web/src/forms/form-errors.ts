import { type IssueReason, reasonOfIssue } from "@runder-tisch/contracts";
import type { z } from "zod";
import { ApiError } from "../api/client.ts";

/** Why one field was refused, as the contracts name it; `Field` puts it into words. */
export type FieldError = IssueReason;
/** Field errors by the field's dotted path (`legalBasis.givenOn`); `form` for the whole value. */
export type FieldErrors = Record<string, FieldError>;

/**
 * The first reason per field of a shared request schema's zod error, named by the very
 * function the server uses, so the form says before sending what the server would say.
 */
export function fieldErrors(error: z.ZodError, input: unknown): FieldErrors {
  const result: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join(".") || "form";
    result[field] ??= reasonOfIssue(issue, input);
  }
  return result;
}

/** `/legalBasis/givenOn` → `legalBasis.givenOn`, the key the client-side check uses too. */
const fieldOf = (path: string) => path.replace(/^\//, "").split("/").join(".") || "form";

/** A server refusal's field problems, keyed like `fieldErrors`, to show beside their fields. */
export function serverFieldErrors(error: unknown): FieldErrors {
  if (!(error instanceof ApiError)) return {};
  const result: FieldErrors = {};
  for (const problem of error.details?.problems ?? []) {
    const { reason, limit } = problem;
    result[fieldOf(problem.path)] ??= limit === undefined ? { reason } : { reason, limit };
  }
  return result;
}
