import type { SteeringTopicState, ThemeKey } from "@runder-tisch/contracts/vocabulary";
import { index, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { cases } from "./cases.ts";
import { createdAt, id, instant } from "./columns.ts";
import { conferences } from "./conferences.ts";
import { users } from "./people.ts";

/**
 * The obstacles of finalised minutes, one row each, so the steering group's counts
 * read a table instead of every minutes document. Case data: exported with the case
 * and deleted with it; the steering group only ever sees aggregates of it.
 */
export const conferenceObstacles = pgTable(
  "conference_obstacles",
  {
    id: id(),
    conferenceId: uuid("conference_id")
      .notNull()
      .references(() => conferences.id, { onDelete: "cascade" }),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    theme: text("theme").$type<ThemeKey>().notNull(),
    description: text("description").notNull(),
    proposedFix: text("proposed_fix"),
    finalisedAt: instant("finalised_at").notNull(),
  },
  (table) => [
    index("conference_obstacles_conference_idx").on(table.conferenceId),
    index("conference_obstacles_theme_idx").on(table.theme, table.finalisedAt),
  ],
);

/** The people a platform admin named to the steering group (Lenkungsgruppe), from any agency. */
export const steeringGroupMembers = pgTable("steering_group_members", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  addedBy: uuid("added_by").references(() => users.id, { onDelete: "set null" }),
  addedAt: createdAt(),
});

/** A topic the steering group took up, usually from an obstacle theme many cases name. */
export const steeringTopics = pgTable("steering_topics", {
  id: id(),
  title: text("title").notNull(),
  theme: text("theme").$type<ThemeKey>().notNull(),
  description: text("description").notNull().default(""),
  state: text("state").$type<SteeringTopicState>().notNull().default("open"),
  /** The existing body the topic was passed to; set only in the state "passed_on". */
  passedTo: text("passed_to"),
  createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: createdAt(),
  updatedAt: instant("updated_at").notNull().defaultNow(),
});

/** What the steering group decided on a topic, in the order it was decided. */
export const steeringDecisions = pgTable(
  "steering_decisions",
  {
    id: id(),
    topicId: uuid("topic_id")
      .notNull()
      .references(() => steeringTopics.id, { onDelete: "cascade" }),
    text: text("text").notNull(),
    decidedBy: uuid("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: createdAt(),
  },
  (table) => [index("steering_decisions_topic_idx").on(table.topicId)],
);

export type ConferenceObstacleRow = typeof conferenceObstacles.$inferSelect;
export type SteeringTopicRow = typeof steeringTopics.$inferSelect;
export type SteeringDecisionRow = typeof steeringDecisions.$inferSelect;
