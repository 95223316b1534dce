import { integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAt } from "./columns.ts";
import { users } from "./people.ts";

/**
 * The steering group's action plan (Handlungskonzept), one per platform, as numbered
 * versions. A version is written once and never changed or deleted; the number as
 * primary key is what makes two saves from the same starting version collide.
 */
export const actionPlanVersions = pgTable("action_plan_versions", {
  version: integer("version").primaryKey(),
  title: text("title").notNull(),
  body: text("body").notNull(),
  note: text("note").notNull().default(""),
  savedBy: uuid("saved_by").references(() => users.id, { onDelete: "set null" }),
  savedAt: createdAt(),
});

export type ActionPlanVersionRow = typeof actionPlanVersions.$inferSelect;
