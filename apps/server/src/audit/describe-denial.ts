import type { TAuditTargetType, TErrorReason } from "@runder-tisch/contracts";
import type { RequestAuditEntry } from "./audit-trail.ts";

export interface DenialTarget {
  targetType: TAuditTargetType;
  /** Absent for a refused list or administration request that names no single record. */
  targetId?: string | null;
  /** Only when the caller may know the case exists; null keeps a probe from linking to it. */
  caseId?: string | null;
}

export interface DenialCircumstances {
  /** The route pattern, e.g. `/api/cases/:id`, or the socket path. */
  route: string;
  method: string;
  /** The HTTP status, or the close code when a websocket was refused. */
  status: number;
  reason?: TErrorReason | undefined;
}

/**
 * The one shape of a refused attempt in the audit trail, whoever refused it:
 * a data-protection officer reads what was tried, where, and why it was refused.
 */
export function describeDenial(
  target: DenialTarget,
  circumstances: DenialCircumstances,
): RequestAuditEntry {
  return {
    action: "denied",
    targetType: target.targetType,
    targetId: target.targetId ?? null,
    caseId: target.caseId ?? null,
    detail: {
      route: circumstances.route,
      method: circumstances.method,
      status: circumstances.status,
      ...(circumstances.reason ? { reason: circumstances.reason } : {}),
    },
  };
}
