import { type Executor, schema } from "@runder-tisch/db";
import { is, type SQL, sql } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";

/**
 * Which rows of which table belong to one case, derived from the schema itself
 * (a `case_id` column, a conference document id, or a foreign key to a table
 * that belongs to the case), so a table added later is covered without anyone
 * remembering to list it. Used by retention to prove nothing is left, and by
 * the subject access export to prove nothing is missing.
 */

const ALL_TABLES: PgTable[] = (Object.values(schema) as unknown[]).filter(
  (value): value is PgTable => is(value, PgTable),
);

type Condition = (caseId: string) => SQL;

const quote = (name: string) => sql.raw(`"${name.replaceAll('"', '""')}"`);

function buildConditions(): Map<string, Condition> {
  const conditions = new Map<string, Condition>();
  const configs = ALL_TABLES.map((table) => getTableConfig(table));
  conditions.set("cases", (caseId) => sql`${quote("id")} = ${caseId}`);
  // Repeat until stable: a table is related once one of its foreign keys points to a related table.
  for (let changed = true; changed; ) {
    changed = false;
    for (const config of configs) {
      if (conditions.has(config.name)) continue;
      const columns = config.columns.map((column) => column.name);
      let condition: Condition | undefined;
      if (columns.includes("case_id")) {
        condition = (caseId) => sql`${quote("case_id")} = ${caseId}`;
      } else if (columns.includes("document_id")) {
        // Conference documents are named by the conference id.
        condition = (caseId) =>
          sql`${quote("document_id")} in (select id::text from conferences where case_id = ${caseId})`;
      } else {
        for (const foreignKey of config.foreignKeys) {
          const reference = foreignKey.reference();
          const target = getTableConfig(reference.foreignTable).name;
          const targetCondition = conditions.get(target);
          const [column] = reference.columns;
          const [targetColumn] = reference.foreignColumns;
          if (!targetCondition || !column || !targetColumn) continue;
          condition = (caseId) =>
            sql`${quote(column.name)} in (select ${quote(targetColumn.name)} from ${quote(target)} where ${targetCondition(caseId)})`;
          break;
        }
      }
      if (condition) {
        conditions.set(config.name, condition);
        changed = true;
      }
    }
  }
  return conditions;
}

const CONDITIONS = buildConditions();

/** Every table of the schema, by name: tests check each one. */
export const SCHEMA_TABLE_NAMES = ALL_TABLES.map((table) => getTableConfig(table).name).sort();

/** Tables that hold rows about a case (the rest holds agencies, people, counters). */
export const CASE_TABLE_NAMES = [...CONDITIONS.keys()].sort();

/** How many rows each case-related table holds for this case. */
export async function measureCaseFootprint(
  db: Executor,
  caseId: string,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const name of CASE_TABLE_NAMES) {
    const condition = CONDITIONS.get(name);
    if (!condition) continue;
    const result = (await db.execute(
      sql`select count(*)::int as n from ${quote(name)} where ${condition(caseId)}`,
    )) as unknown as { rows: { n: number }[] };
    counts[name] = Number(result.rows[0]?.n ?? 0);
  }
  return counts;
}
