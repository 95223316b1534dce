import type {
  ActionEventKind,
  ActionReviewOutcome,
  ActionStatus,
} from "@runder-tisch/contracts/vocabulary";
import { sql } from "drizzle-orm";
import { date, index, integer, jsonb, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { cases } from "./cases.ts";
import { createdAt, id, instant } from "./columns.ts";
import { conferences } from "./conferences.ts";
import { agencies, users } from "./people.ts";

export const actions = pgTable(
  "actions",
  {
    id: id(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    conferenceId: uuid("conference_id").references(() => conferences.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    responsibleAgencyId: uuid("responsible_agency_id")
      .notNull()
      .references(() => agencies.id),
    responsibleUserId: uuid("responsible_user_id").references(() => users.id),
    dueDate: date("due_date", { mode: "string" }),
    status: text("status").$type<ActionStatus>().notNull().default("open"),
    statusChangedAt: instant("status_changed_at"),
    statusChangedBy: uuid("status_changed_by").references(() => users.id),
    version: integer("version").notNull().default(1),
    commentCount: integer("comment_count").notNull().default(0),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (table) => [
    // The inbox reads by owner, then status, then due date: these two serve it at scale.
    index("actions_inbox_agency_idx").on(table.responsibleAgencyId, table.status, table.dueDate),
    index("actions_inbox_user_idx").on(table.responsibleUserId, table.status, table.dueDate),
    index("actions_case_idx").on(table.caseId),
    // The pending actions of given cases: an agency's inbox asks for those of its own
    // cases whose responsible agency lost access (routes/inbox/list-inbox.ts).
    index("actions_pending_case_idx")
      .on(table.caseId)
      .where(sql`${table.status} in ('open', 'in_progress')`),
    index("actions_conference_idx").on(table.conferenceId),
  ],
);

export const actionComments = pgTable(
  "action_comments",
  {
    id: id(),
    actionId: uuid("action_id")
      .notNull()
      .references(() => actions.id, { onDelete: "cascade" }),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    body: text("body").notNull(),
    createdAt: createdAt(),
    /** Set when the author took the comment back; its text is gone, the audit trail keeps that it was. */
    withdrawnAt: instant("withdrawn_at"),
  },
  (table) => [index("action_comments_action_idx").on(table.actionId, table.createdAt)],
);

/** Full change history of an action: who changed which field from what to what. */
export const actionEvents = pgTable(
  "action_events",
  {
    id: id(),
    actionId: uuid("action_id")
      .notNull()
      .references(() => actions.id, { onDelete: "cascade" }),
    actorId: uuid("actor_id").references(() => users.id),
    agencyId: uuid("agency_id").references(() => agencies.id),
    kind: text("kind").$type<ActionEventKind>().notNull(),
    changes: jsonb("changes").$type<Record<string, { from: unknown; to: unknown }>>().notNull(),
    createdAt: createdAt(),
  },
  (table) => [index("action_events_action_idx").on(table.actionId, table.createdAt)],
);

/**
 * The review of a carried-over action at a later conference: one per action and
 * conference (reviewing again replaces it; the action's history keeps every change).
 */
export const actionReviews = pgTable(
  "action_reviews",
  {
    id: id(),
    conferenceId: uuid("conference_id")
      .notNull()
      .references(() => conferences.id, { onDelete: "cascade" }),
    actionId: uuid("action_id")
      .notNull()
      .references(() => actions.id, { onDelete: "cascade" }),
    outcome: text("outcome").$type<ActionReviewOutcome>().notNull(),
    note: text("note").notNull().default(""),
    newDueDate: date("new_due_date", { mode: "string" }),
    reviewedBy: uuid("reviewed_by")
      .notNull()
      .references(() => users.id),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    reviewedAt: instant("reviewed_at").notNull().defaultNow(),
  },
  (table) => [
    unique("action_reviews_conference_action_key").on(table.conferenceId, table.actionId),
    index("action_reviews_action_idx").on(table.actionId),
  ],
);

export type ActionRow = typeof actions.$inferSelect;
export type ActionReviewRow = typeof actionReviews.$inferSelect;
