import { index, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { cases } from "./cases.ts";
import { createdAt, id, instant } from "./columns.ts";
import { agencies, users } from "./people.ts";

/**
 * An agency's own working notes on a case. Only the writing agency ever reads them: they
 * are never shared, never part of minutes, and leave only in that agency's own export.
 */
export const internalNotes = pgTable(
  "internal_notes",
  {
    id: id(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    body: text("body").notNull(),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (table) => [index("internal_notes_case_agency_idx").on(table.caseId, table.agencyId)],
);

export type InternalNoteRow = typeof internalNotes.$inferSelect;
