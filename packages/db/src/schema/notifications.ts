import { sql } from "drizzle-orm";
import { index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { actions } from "./actions.ts";
import { cases } from "./cases.ts";
import { createdAt, id, instant } from "./columns.ts";
import { conferences } from "./conferences.ts";
import { users } from "./people.ts";

/**
 * What a person is told about (a new action for them, a conference moved, a reminder).
 * It names only ids and a kind: the words are the web app's, and whether the person may
 * still see the case is checked when the notification is read, not only when it was made.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    caseId: uuid("case_id").references(() => cases.id, { onDelete: "cascade" }),
    conferenceId: uuid("conference_id").references(() => conferences.id, { onDelete: "cascade" }),
    actionId: uuid("action_id").references(() => actions.id, { onDelete: "cascade" }),
    /** Who caused it, when a person did (never the recipient themselves). */
    actorUserId: uuid("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    /** One notification per event and person, even when the event arrives twice. */
    dedupeKey: text("dedupe_key"),
    createdAt: createdAt(),
    readAt: instant("read_at"),
    /** Sent by mail (immediately or in a digest); null while waiting or never to be sent. */
    emailedAt: instant("emailed_at"),
  },
  (table) => [
    uniqueIndex("notifications_dedupe_key").on(table.dedupeKey),
    index("notifications_user_idx").on(table.userId, table.createdAt),
    index("notifications_unread_idx").on(table.userId).where(sql`${table.readAt} is null`),
  ],
);

/** Per person and kind of notification: no mail, a mail at once, or the daily digest. */
export const notificationSettings = pgTable(
  "notification_settings",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    delivery: text("delivery").$type<"off" | "immediately" | "digest">().notNull(),
  },
  (table) => [primaryKey({ columns: [table.userId, table.kind] })],
);

/** When a person wants the daily digest, and in which language mails reach them. */
export const mailPreferences = pgTable("mail_preferences", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  /** Hour of the day (Europe/Berlin) the digest goes out. */
  digestHour: integer("digest_hour").notNull().default(7),
  language: text("language").$type<"de" | "en">().notNull().default("de"),
});

/**
 * Mails waiting to go out, and sent ones for a while: written in the transaction that
 * decides to send, delivered by a job with retries, so a failing mail server loses nothing.
 * Mails carry no case content: the case code, the kind of event and a link.
 */
export const mailOutbox = pgTable(
  "mail_outbox",
  {
    id: id(),
    /** The case the mail is about: its mails go when the case is deleted. */
    caseId: uuid("case_id").references(() => cases.id, { onDelete: "cascade" }),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    /** An iCalendar invitation (RFC 5545) to attach, when the mail is about a conference. */
    calendar: text("calendar"),
    createdAt: createdAt(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: instant("next_attempt_at").notNull().defaultNow(),
    lastError: text("last_error"),
    sentAt: instant("sent_at"),
  },
  (table) => [
    index("mail_outbox_waiting_idx").on(table.nextAttemptAt).where(sql`${table.sentAt} is null`),
  ],
);

/** A personal calendar feed address: only the token's hash is kept; revoking ends it. */
export const calendarFeeds = pgTable("calendar_feeds", {
  tokenHash: text("token_hash").primaryKey(),
  userId: uuid("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  createdAt: createdAt(),
  revokedAt: instant("revoked_at"),
  lastUsedAt: instant("last_used_at"),
});
