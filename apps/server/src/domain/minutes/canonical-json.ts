import { createHash } from "node:crypto";

/**
 * JSON with object keys sorted at every level and no whitespace, so the same
 * content always gives the same bytes (jsonb does not keep key order).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, entry]) => entry !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonicalJson(entry)}`).join(",")}}`;
}

export const hashMinutesContent = (content: unknown) =>
  createHash("sha256").update(canonicalJson(content), "utf8").digest("hex");
