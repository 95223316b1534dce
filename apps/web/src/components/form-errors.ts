import type { z } from "zod";

/**
 * Turns a zod error of one of the shared request schemas into one translation key per
 * field, so forms show German messages for the very rules the server applies.
 */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const result: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join(".") || "form";
    if (result[field]) continue;
    result[field] = issueKey(issue);
  }
  return result;
}

function issueKey(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "too_small":
      return issue.minimum === 1 ? "validation.required" : "validation.tooShort";
    case "too_big":
      return "validation.tooLong";
    case "invalid_format":
      return issue.format === "email" ? "validation.email" : "validation.format";
    case "invalid_type":
      return "validation.required";
    default:
      return "validation.format";
  }
}
