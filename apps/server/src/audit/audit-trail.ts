import type { TAuditTargetType as AuditTargetType, TAuditAction } from "@runder-tisch/contracts";
import { type Database, schema } from "@runder-tisch/db";
import { asc, desc, gt, sql } from "drizzle-orm";
import { GENESIS_HASH, hashAuditEntry } from "./audit-hash.ts";

export interface AuditEntryInput {
  action: TAuditAction;
  targetType: AuditTargetType;
  targetId?: string | null;
  caseId?: string | null;
  userId?: string | null;
  agencyId?: string | null;
  requestId?: string | null;
  detail?: Record<string, unknown> | null;
}

// Serialises appends so each row links to the one written just before it.
const AUDIT_CHAIN_LOCK = 727_274_002;

export async function appendAuditEntry(db: Database, input: AuditEntryInput): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
    const [last] = await tx
      .select({ hash: schema.auditLog.hash })
      .from(schema.auditLog)
      .orderBy(desc(schema.auditLog.id))
      .limit(1);
    // Both drivers answer raw SQL with `{ rows }`; the shared PgDatabase type does not say so.
    const idResult = (await tx.execute(
      sql`select nextval(pg_get_serial_sequence('audit_log', 'id')) as id`,
    )) as unknown as { rows: { id: string | number }[] };
    const row = {
      id: Number(idResult.rows[0]?.id),
      at: new Date(),
      requestId: input.requestId ?? null,
      userId: input.userId ?? null,
      agencyId: input.agencyId ?? null,
      action: input.action,
      targetType: input.targetType,
      targetId: input.targetId ?? null,
      caseId: input.caseId ?? null,
      detail: input.detail ?? null,
    };
    const prevHash = last?.hash ?? GENESIS_HASH;
    await tx
      .insert(schema.auditLog)
      .values({ ...row, prevHash, hash: hashAuditEntry(prevHash, row) });
  });
}

export interface AuditVerification {
  valid: boolean;
  checked: number;
  firstBrokenId: number | null;
  reason: string | null;
}

/** Walks the whole chain in id order and names the first row that does not fit. */
export async function verifyAuditChain(db: Database, pageSize = 5_000): Promise<AuditVerification> {
  let prevHash = GENESIS_HASH;
  let lastId = 0;
  let checked = 0;
  for (;;) {
    const page = await db
      .select()
      .from(schema.auditLog)
      .where(gt(schema.auditLog.id, lastId))
      .orderBy(asc(schema.auditLog.id))
      .limit(pageSize);
    for (const row of page) {
      if (row.prevHash !== prevHash) {
        return broken(row.id, checked, "link to the previous entry does not match");
      }
      if (hashAuditEntry(prevHash, row) !== row.hash) {
        return broken(row.id, checked, "entry content does not match its hash");
      }
      prevHash = row.hash;
      lastId = row.id;
      checked += 1;
    }
    if (page.length < pageSize) return { valid: true, checked, firstBrokenId: null, reason: null };
  }
}

function broken(id: number, checked: number, reason: string): AuditVerification {
  return { valid: false, checked, firstBrokenId: id, reason };
}
