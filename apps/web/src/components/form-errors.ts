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
      if (issue.minimum === 1) return "validation.required";
      // Passwords are the one field with a fixed minimum length; say the number.
      return issue.minimum === 12 ? "validation.passwordLength" : "validation.tooShort";
    case "too_big":
      return "validation.tooLong";
    case "invalid_format":
      if (issue.format === "email") return "validation.email";
      // Ids come from a select; an empty one means nothing was picked.
      return issue.format === "uuid" ? "validation.choose" : "validation.format";
    case "invalid_value":
      return "validation.choose";
    case "invalid_type":
      return "validation.required";
    default:
      return "validation.format";
  }
}
