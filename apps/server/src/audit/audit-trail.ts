import type { TAuditAction, TAuditTargetType } from "@runder-tisch/contracts";
import { type Database, type Executor, schema } from "@runder-tisch/db";
import { asc, gt, isNull, sql } from "drizzle-orm";
import { GENESIS_HASH, hashAuditEntry } from "./audit-hash.ts";

export interface AuditEntryInput {
  action: TAuditAction;
  targetType: TAuditTargetType;
  targetId?: string | null;
  caseId?: string | null;
  userId?: string | null;
  agencyId?: string | null;
  requestId?: string | null;
  detail?: Record<string, unknown> | null;
}

/** An entry as a request describes it; the request adds who did it and its id. */
export type RequestAuditEntry = Omit<AuditEntryInput, "userId" | "agencyId" | "requestId">;

/**
 * Writes audit rows with `db`: pass the transaction of the change they record,
 * so both commit or neither does. No lock is taken; the sealer chains the rows
 * once they are committed.
 */
export async function recordAudit(
  db: Executor,
  entries: AuditEntryInput | readonly AuditEntryInput[],
): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries as AuditEntryInput];
  if (list.length === 0) return;
  const at = new Date();
  await db.insert(schema.auditLog).values(
    list.map((entry) => ({
      at,
      requestId: entry.requestId ?? null,
      userId: entry.userId ?? null,
      agencyId: entry.agencyId ?? null,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId ?? null,
      caseId: entry.caseId ?? null,
      detail: entry.detail ?? null,
    })),
  );
}

export interface AuditVerification {
  valid: boolean;
  /** Sealed rows whose hash and link were checked. */
  checked: number;
  /** Committed rows the sealer has not chained yet (they are covered by the next check). */
  pending: number;
  firstBrokenId: number | null;
  reason: string | null;
}

/** Walks the sealed chain in order and names the first row that does not fit. */
export async function verifyAuditChain(db: Database, pageSize = 5_000): Promise<AuditVerification> {
  const pending = await countUnsealed(db);
  let prevHash = GENESIS_HASH;
  let lastSeq = 0;
  let checked = 0;
  const broken = (id: number, reason: string): AuditVerification => ({
    valid: false,
    checked,
    pending,
    firstBrokenId: id,
    reason,
  });
  for (;;) {
    const page = await db
      .select()
      .from(schema.auditLog)
      .where(gt(schema.auditLog.chainSeq, lastSeq))
      .orderBy(asc(schema.auditLog.chainSeq))
      .limit(pageSize);
    for (const row of page) {
      const seq = row.chainSeq ?? 0;
      if (seq !== lastSeq + 1) return broken(row.id, "an entry before this one is missing");
      if (row.prevHash !== prevHash) {
        return broken(row.id, "link to the previous entry does not match");
      }
      if (hashAuditEntry(prevHash, row) !== row.hash) {
        return broken(row.id, "entry content does not match its hash");
      }
      prevHash = row.hash;
      lastSeq = seq;
      checked += 1;
    }
    if (page.length < pageSize) {
      return { valid: true, checked, pending, firstBrokenId: null, reason: null };
    }
  }
}

async function countUnsealed(db: Database): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(schema.auditLog)
    .where(isNull(schema.auditLog.chainSeq));
  return row?.count ?? 0;
}
