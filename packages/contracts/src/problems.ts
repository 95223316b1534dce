import type { z } from "zod";
import type { TErrorReason } from "./errors.ts";
import { ERROR_REASONS } from "./vocabulary.ts";

export interface IssueReason {
  reason: TErrorReason;
  limit?: number;
}

const isReason = (value: unknown): value is TErrorReason =>
  typeof value === "string" && (ERROR_REASONS as readonly string[]).includes(value);

/**
 * The reason for one zod issue of a shared schema. The server answers refused
 * fields with it and the web app's forms name the same reason before sending,
 * so both say the same thing about the same rule.
 */
export function reasonOfIssue(issue: z.core.$ZodIssue, input?: unknown): IssueReason {
  switch (issue.code) {
    case "too_small": {
      const limit = Number(issue.minimum);
      if (issue.origin === "string")
        return limit <= 1 ? { reason: "required" } : { reason: "too_short", limit };
      if (issue.origin === "array" || issue.origin === "set") {
        return limit <= 1 ? { reason: "required" } : { reason: "too_few", limit };
      }
      return { reason: "too_small", limit };
    }
    case "too_big": {
      const limit = Number(issue.maximum);
      if (issue.origin === "string") return { reason: "too_long", limit };
      if (issue.origin === "array" || issue.origin === "set") return { reason: "too_many", limit };
      return { reason: "too_large", limit };
    }
    case "invalid_format":
      if (issue.format === "email") return { reason: "invalid_email" };
      if (issue.format === "uuid" || issue.format === "guid") return { reason: "invalid_id" };
      if (issue.format === "date" || issue.format === "datetime") return { reason: "invalid_date" };
      return { reason: "invalid_format" };
    case "invalid_value":
    case "invalid_union":
      return { reason: "invalid_choice" };
    case "invalid_type":
      return valueAt(input, issue.path) === undefined
        ? { reason: "required" }
        : { reason: "invalid_type" };
    case "unrecognized_keys":
      return { reason: "unknown_field" };
    case "custom": {
      const named = issue.params?.reason;
      return { reason: isReason(named) ? named : "invalid" };
    }
    default:
      return { reason: "invalid" };
  }
}

/** The value an issue's path points at in what was parsed; zod leaves it out of its issues. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** Attach to a `refine` so its issue carries a reason: `.refine(check, withReason("…", "…"))`. */
export const withReason = (message: string, reason: TErrorReason, path?: string[]) => ({
  message,
  params: { reason },
  ...(path ? { path } : {}),
});
