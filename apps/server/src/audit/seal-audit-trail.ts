import { type Database, schema } from "@runder-tisch/db";
import { asc, desc, isNotNull, isNull, type SQL, sql } from "drizzle-orm";
import { GENESIS_HASH, hashAuditEntry } from "./audit-hash.ts";

// Any constant works; it only has to be the same for every node of this app.
const AUDIT_SEAL_LOCK = 727_274_002;
const BATCH_SIZE = 500;

/**
 * Chains committed, unsealed audit rows onto the end of the hash chain, oldest
 * first, in batches. One node at a time holds the lock; a node that finds it
 * taken leaves the work to the holder, so requests never wait for each other.
 * Returns how many rows it sealed.
 */
export async function sealAuditTrail(db: Database): Promise<number> {
  let sealed = 0;
  for (;;) {
    const batch = await sealBatch(db);
    sealed += batch;
    if (batch < BATCH_SIZE) return sealed;
  }
}

async function sealBatch(db: Database): Promise<number> {
  return db.transaction(async (tx) => {
    // Both drivers answer raw SQL with `{ rows }`; the shared PgDatabase type does not say so.
    const lock = (await tx.execute(
      sql`select pg_try_advisory_xact_lock(${AUDIT_SEAL_LOCK}) as locked`,
    )) as unknown as { rows: { locked: boolean }[] };
    if (!lock.rows[0]?.locked) return 0;
    const [last] = await tx
      .select({ chainSeq: schema.auditLog.chainSeq, hash: schema.auditLog.hash })
      .from(schema.auditLog)
      .where(isNotNull(schema.auditLog.chainSeq))
      .orderBy(desc(schema.auditLog.chainSeq))
      .limit(1);
    const pending = await tx
      .select()
      .from(schema.auditLog)
      .where(isNull(schema.auditLog.chainSeq))
      .orderBy(asc(schema.auditLog.id))
      .limit(BATCH_SIZE);
    if (pending.length === 0) return 0;
    let seq = last?.chainSeq ?? 0;
    let prevHash = last?.hash ?? GENESIS_HASH;
    const links: SQL[] = [];
    for (const row of pending) {
      seq += 1;
      const hash = hashAuditEntry(prevHash, row);
      links.push(sql`(${row.id}::bigint, ${seq}::bigint, ${prevHash}, ${hash})`);
      prevHash = hash;
    }
    await tx.execute(sql`
      update ${schema.auditLog}
      set chain_seq = link.seq, prev_hash = link.prev_hash, hash = link.hash
      from (values ${sql.join(links, sql`, `)}) as link(id, seq, prev_hash, hash)
      where ${schema.auditLog.id} = link.id`);
    return pending.length;
  });
}
