import type { ThemeKey } from "@runder-tisch/contracts/vocabulary";
import { sql } from "drizzle-orm";
import { boolean, check, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, instant } from "./columns.ts";
import { users } from "./people.ts";

/**
 * The Kreis's changes to the theme catalogue (docs/themes.md). A default theme has a row
 * only once it was renamed or switched off; a Kreis's own theme ("k_…") always has one,
 * with its German label. Rows are never deleted: cases, obstacles and sealed minutes
 * keep naming the key.
 */
export const themes = pgTable(
  "themes",
  {
    key: text("key").$type<ThemeKey>().primaryKey(),
    /** null: the default wording. */
    labelDe: text("label_de"),
    labelEn: text("label_en"),
    active: boolean("active").notNull().default(true),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (table) => [
    check(
      "themes_custom_has_label",
      sql`${table.key} not like 'k\\_%' or ${table.labelDe} is not null`,
    ),
  ],
);

export type ThemeRow = typeof themes.$inferSelect;
