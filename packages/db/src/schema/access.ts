import { sql } from "drizzle-orm";
import { bigint, check, pgTable, smallint } from "drizzle-orm/pg-core";

/**
 * One row, counted up by triggers (migration 0005) in the same transaction as
 * every change that can take access away: a basis revoked or changed, a person
 * disabled, an agency switched off, an invitation withdrawn, a conference
 * finalised, a session ended. Each server node reads it every half second, so open
 * sockets and live feeds are re-checked within that time, whether or not the event
 * bus between the nodes carried the news.
 */
export const accessVersion = pgTable(
  "access_version",
  {
    id: smallint("id").primaryKey().default(1),
    value: bigint("value", { mode: "bigint" }).notNull().default(sql`0`),
  },
  (table) => [check("access_version_single_row", sql`${table.id} = 1`)],
);
