import type {
  ActionStatus,
  WorkingGroupMeetingState,
  WorkingGroupTopicProgress,
} from "@runder-tisch/contracts/vocabulary";
import { date, index, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, instant } from "./columns.ts";
import { agencies, users } from "./people.ts";
import { steeringTopics } from "./steering.ts";

/*
 * Working groups (AG) hold no case data: their members, topics, meeting documents and
 * systemic actions are about how the Kreis works, so they are not deleted with cases.
 */

export const workingGroups = pgTable("working_groups", {
  id: id(),
  name: text("name").notNull(),
  purpose: text("purpose").notNull().default(""),
  createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: createdAt(),
});

/** Named person by person by the steering group, from any agency. */
export const workingGroupMembers = pgTable(
  "working_group_members",
  {
    workingGroupId: uuid("working_group_id")
      .notNull()
      .references(() => workingGroups.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    addedBy: uuid("added_by").references(() => users.id, { onDelete: "set null" }),
    addedAt: createdAt(),
  },
  (table) => [
    primaryKey({ columns: [table.workingGroupId, table.userId] }),
    index("working_group_members_user_idx").on(table.userId),
  ],
);

/** A steering topic given to a group, with how far the group got and what it found. */
export const workingGroupTopics = pgTable(
  "working_group_topics",
  {
    topicId: uuid("topic_id")
      .primaryKey()
      .references(() => steeringTopics.id, { onDelete: "cascade" }),
    workingGroupId: uuid("working_group_id")
      .notNull()
      .references(() => workingGroups.id, { onDelete: "cascade" }),
    progress: text("progress").$type<WorkingGroupTopicProgress>().notNull().default("not_started"),
    result: text("result"),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (table) => [index("working_group_topics_group_idx").on(table.workingGroupId)],
);

/** A meeting; its live document is named `working-group-meeting:<id>` in the update log. */
export const workingGroupMeetings = pgTable(
  "working_group_meetings",
  {
    id: id(),
    workingGroupId: uuid("working_group_id")
      .notNull()
      .references(() => workingGroups.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    startsAt: instant("starts_at").notNull(),
    state: text("state").$type<WorkingGroupMeetingState>().notNull().default("open"),
    closedAt: instant("closed_at"),
    /** The document's notes as Markdown when the meeting closed (what the group keeps). */
    notes: text("notes"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (table) => [index("working_group_meetings_group_idx").on(table.workingGroupId, table.startsAt)],
);

/** Work for an agency that follows from a group's topic, not from a case. */
export const systemicActions = pgTable(
  "systemic_actions",
  {
    id: id(),
    workingGroupId: uuid("working_group_id")
      .notNull()
      .references(() => workingGroups.id, { onDelete: "cascade" }),
    topicId: uuid("topic_id").references(() => steeringTopics.id, { onDelete: "set null" }),
    text: text("text").notNull(),
    ownerAgencyId: uuid("owner_agency_id")
      .notNull()
      .references(() => agencies.id),
    dueDate: date("due_date", { mode: "string" }),
    status: text("status").$type<ActionStatus>().notNull().default("open"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (table) => [
    index("systemic_actions_owner_idx").on(table.ownerAgencyId, table.status),
    index("systemic_actions_group_idx").on(table.workingGroupId),
  ],
);

export type WorkingGroupRow = typeof workingGroups.$inferSelect;
export type WorkingGroupMeetingRow = typeof workingGroupMeetings.$inferSelect;
export type SystemicActionRow = typeof systemicActions.$inferSelect;
