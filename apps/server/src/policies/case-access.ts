import { type Executor, schema } from "@runder-tisch/db";
import { and, eq, or, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { todayInBerlin } from "../lib/time.ts";

/**
 * The access rule, in one place: an agency sees a case only while it owns it or
 * holds an active, unexpired sharing basis; special-category data only with a
 * basis that covers it. Routes and the websocket path call these functions and
 * answer "not found" when they return null.
 */
export interface CaseAccess {
  isOwner: boolean;
  /** May see special-category data (GDPR Art. 9), such as health. */
  specialCategory: boolean;
}

export interface BasisForRule {
  agencyId: string;
  categories: string[];
  revokedAt: Date | null;
  validUntil: string | null;
}

export function isBasisActive(basis: Omit<BasisForRule, "agencyId" | "categories">, today: string) {
  return basis.revokedAt === null && (basis.validUntil === null || basis.validUntil >= today);
}

export function evaluateCaseAccess(
  agencyId: string,
  caseRow: { ownerAgencyId: string },
  bases: readonly BasisForRule[],
  today: string = todayInBerlin(),
): CaseAccess | null {
  if (caseRow.ownerAgencyId === agencyId) return { isOwner: true, specialCategory: true };
  const active = bases.filter(
    (basis) => basis.agencyId === agencyId && isBasisActive(basis, today),
  );
  if (active.length === 0) return null;
  return {
    isOwner: false,
    specialCategory: active.some((basis) => basis.categories.includes("special")),
  };
}

/**
 * A value of a SQL condition: the value itself, or a placeholder a prepared query
 * fills in each time it runs (so a query built once still asks about today).
 */
export type SqlValue = string | SQLWrapper;

/** `agency` is an id or a column holding one (for "the action's responsible agency"). */
function activeBasisExists(agency: SqlValue | AnyPgColumn, today: SqlValue, extra?: SQL): SQL {
  const basis = schema.sharingBases;
  return sql`exists (select 1 from ${basis} where ${basis.caseId} = ${schema.cases.id}
    and ${basis.agencyId} = ${agency} and ${basis.revokedAt} is null
    and (${basis.validUntil} is null or ${basis.validUntil} >= ${today})${extra ? sql` and ${extra}` : sql``})`;
}

/** The same rule as a SQL condition on `cases`, for lists and joins. */
export function caseVisibleTo(agencyId: SqlValue, today: SqlValue = todayInBerlin()): SQL {
  return or(eq(schema.cases.ownerAgencyId, agencyId), activeBasisExists(agencyId, today)) as SQL;
}

/**
 * SQL condition on `actions` joined with `cases`: the action's responsible agency can
 * still see its case. When it cannot (its basis was revoked or ran out), the action
 * needs a new owner.
 */
export function responsibleAgencySeesCase(today: SqlValue = todayInBerlin()): SQL {
  return agencyInColumnSeesCase(schema.actions.responsibleAgencyId, today);
}

/** SQL condition on a query joined with `cases`: the agency this column names can see the case. */
export function agencyInColumnSeesCase(
  agency: AnyPgColumn,
  today: SqlValue = todayInBerlin(),
): SQL {
  return or(eq(schema.cases.ownerAgencyId, agency), activeBasisExists(agency, today)) as SQL;
}

/** SQL condition: the agency may see special-category data of the case. */
export function specialCategoryVisibleTo(
  agencyId: SqlValue,
  today: SqlValue = todayInBerlin(),
): SQL {
  const special = sql`'special' = any(${schema.sharingBases.categories})`;
  return or(
    eq(schema.cases.ownerAgencyId, agencyId),
    activeBasisExists(agencyId, today, special),
  ) as SQL;
}

export type CaseRow = typeof schema.cases.$inferSelect;

/** Loads a case with the agency's access to it, or null when the agency may not see it. */
export async function findAccessibleCase(
  db: Executor,
  agencyId: string,
  caseId: string,
  today: string = todayInBerlin(),
): Promise<{ caseRow: CaseRow; access: CaseAccess } | null> {
  const [caseRow] = await db.select().from(schema.cases).where(eq(schema.cases.id, caseId));
  if (!caseRow) return null;
  const bases =
    caseRow.ownerAgencyId === agencyId
      ? []
      : await db
          .select({
            agencyId: schema.sharingBases.agencyId,
            categories: schema.sharingBases.categories,
            revokedAt: schema.sharingBases.revokedAt,
            validUntil: schema.sharingBases.validUntil,
          })
          .from(schema.sharingBases)
          .where(
            and(eq(schema.sharingBases.caseId, caseId), eq(schema.sharingBases.agencyId, agencyId)),
          );
  const access = evaluateCaseAccess(agencyId, caseRow, bases, today);
  return access ? { caseRow, access } : null;
}

/** Whether another agency could see the case (for invitations and responsibilities). */
export async function agencyCanSeeCase(db: Executor, agencyId: string, caseId: string) {
  return (await findAccessibleCase(db, agencyId, caseId)) !== null;
}

export const canManageCase = (access: CaseAccess) => access.isOwner;
