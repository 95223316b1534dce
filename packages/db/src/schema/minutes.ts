import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { cases } from "./cases.ts";
import { id, instant } from "./columns.ts";
import { conferences } from "./conferences.ts";
import { agencies, users } from "./people.ts";

/**
 * The finalised minutes of a conference, frozen. A trigger (migration
 * 0003_minutes_retention) refuses UPDATE always and DELETE except inside the
 * retention transaction that deletes this very case, so a bug elsewhere cannot
 * rewrite what the agencies signed off. No ON DELETE CASCADE on purpose: a case
 * can only go together with its minutes through the retention path.
 */
export const minutesVersions = pgTable(
  "minutes_versions",
  {
    id: id(),
    conferenceId: uuid("conference_id")
      .notNull()
      .references(() => conferences.id),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    version: integer("version").notNull(),
    /** The structured minutes exactly as hashed (see canonical JSON in the server). */
    content: jsonb("content").$type<Record<string, unknown>>().notNull(),
    contentHash: text("content_hash").notNull(),
    /** Set when the PII guard found something and the coordinator finalised anyway. */
    overrideReason: text("override_reason"),
    finalisedBy: uuid("finalised_by").references(() => users.id),
    finalisedByAgencyId: uuid("finalised_by_agency_id").references(() => agencies.id),
    finalisedAt: instant("finalised_at").notNull(),
  },
  (table) => [
    uniqueIndex("minutes_versions_conference_version_unique").on(table.conferenceId, table.version),
    index("minutes_versions_case_idx").on(table.caseId),
  ],
);

export type MinutesVersionRow = typeof minutesVersions.$inferSelect;
