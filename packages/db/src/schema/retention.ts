import type { DisputeTargetType } from "@runder-tisch/contracts/vocabulary";
import { index, integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { cases } from "./cases.ts";
import { createdAt, id, instant } from "./columns.ts";
import { agencies, users } from "./people.ts";

/**
 * Restriction of processing (GDPR Art. 18, § 84 SGB X): the person disputes a
 * case or an entry. While a mark is active (lifted_at null) the entry is shown
 * and exported with the mark and retention does not delete the case.
 */
export const disputes = pgTable(
  "disputes",
  {
    id: id(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    targetType: text("target_type").$type<DisputeTargetType>().notNull(),
    targetId: uuid("target_id").notNull(),
    reason: text("reason").notNull(),
    raisedBy: uuid("raised_by").references(() => users.id),
    raisedByAgencyId: uuid("raised_by_agency_id").references(() => agencies.id),
    createdAt: createdAt(),
    liftedAt: instant("lifted_at"),
    liftedBy: uuid("lifted_by").references(() => users.id),
    liftNote: text("lift_note"),
  },
  (table) => [
    index("disputes_case_idx").on(table.caseId),
    index("disputes_target_idx").on(table.targetType, table.targetId),
  ],
);

/**
 * What stays of deleted cases for evaluation: counts per year, theme and kind of
 * owning agency. No ids, no codes, nothing that points back to a person.
 */
export const evaluationCounts = pgTable(
  "evaluation_counts",
  {
    year: integer("year").notNull(),
    theme: text("theme").notNull(),
    agencyKind: text("agency_kind").notNull(),
    cases: integer("cases").notNull().default(0),
    conferences: integer("conferences").notNull().default(0),
    actions: integer("actions").notNull().default(0),
    actionsDone: integer("actions_done").notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.year, table.theme, table.agencyKind] })],
);

export type DisputeRow = typeof disputes.$inferSelect;
