import { createDatabase, PREPARED_PER_CONNECTION, schema } from "@runder-tisch/db";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createFreshDatabase } from "../../test/crash/fresh-database.ts";

/*
 * On PostgreSQL every parameterised statement is prepared once per connection and
 * then only executed: the database plans the hot reads once instead of per request.
 */
/** A fresh database behind a pool of one connection, so every query meets the same one. */
async function openOneConnection() {
  const database = await createFreshDatabase();
  const handle = await createDatabase({
    kind: "postgres",
    url: database.env.DATABASE_URL as string,
    poolSize: 1,
  });
  const drop = async () => {
    await handle.close();
    await database.drop();
  };
  return { handle, drop };
}

describe("prepared statements on PostgreSQL", () => {
  it("prepares a query once per connection and runs it again with other values", async () => {
    const { handle, drop } = await openOneConnection();
    try {
      const byEmail = (email: string) =>
        handle.db
          .select({ id: schema.users.id })
          .from(schema.users)
          .where(eq(schema.users.email, email));
      expect(await byEmail("niemand@example.test")).toEqual([]);
      expect(await byEmail("auch-niemand@example.test")).toEqual([]);
      expect(await byEmail("keiner@example.test")).toEqual([]);

      const prepared = (await handle.db.execute(sql`
        select statement, generic_plans + custom_plans as runs from pg_prepared_statements
        where statement like '%from "users"%'`)) as unknown as {
        rows: { statement: string; runs: number }[];
      };
      expect(prepared.rows).toHaveLength(1);
      expect(Number(prepared.rows[0]?.runs)).toBe(3);
    } finally {
      await drop();
    }
  });

  it("keeps at most a bounded number prepared per connection and runs the rest unprepared", async () => {
    const { handle, drop } = await openOneConnection();
    try {
      // Distinct texts, as lists of ids of every length would make them.
      for (let k = 0; k <= PREPARED_PER_CONNECTION; k += 1) {
        const [row] = (
          (await handle.db.execute(
            sql`select ${k}::int + ${sql.raw(String(k))} as twice`,
          )) as unknown as { rows: { twice: number }[] }
        ).rows;
        expect(row?.twice).toBe(2 * k);
      }
      const count = (await handle.db.execute(
        sql`select count(*)::int as n from pg_prepared_statements where statement like '%as twice%'`,
      )) as unknown as { rows: { n: number }[] };
      expect(count.rows[0]?.n).toBe(PREPARED_PER_CONNECTION);
    } finally {
      await drop();
    }
  });
});
