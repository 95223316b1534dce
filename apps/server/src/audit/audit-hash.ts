import { createHash } from "node:crypto";

export const GENESIS_HASH = "0".repeat(64);

export interface HashedAuditFields {
  id: number;
  at: Date;
  requestId: string | null;
  userId: string | null;
  agencyId: string | null;
  action: string;
  targetType: string;
  targetId: string | null;
  caseId: string | null;
  detail: Record<string, unknown> | null;
}

/** JSON with sorted keys: jsonb does not keep key order, the hash must not depend on it. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, inner]) => inner !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonicalJson(inner)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

export function hashAuditEntry(prevHash: string, entry: HashedAuditFields): string {
  const material = canonicalJson({
    prevHash,
    id: entry.id,
    at: entry.at.toISOString(),
    requestId: entry.requestId,
    userId: entry.userId,
    agencyId: entry.agencyId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    caseId: entry.caseId,
    detail: entry.detail,
  });
  return createHash("sha256").update(material).digest("hex");
}
