import type {
  AgendaItemKind,
  AttendanceKind,
  ConferenceStatus,
  ParticipantRole,
} from "@runder-tisch/contracts/vocabulary";
import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { cases } from "./cases.ts";
import { createdAt, id, instant } from "./columns.ts";
import { agencies, users } from "./people.ts";

export const conferences = pgTable(
  "conferences",
  {
    id: id(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    scheduledAt: instant("scheduled_at").notNull(),
    status: text("status").$type<ConferenceStatus>().notNull().default("planned"),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
    startedAt: instant("started_at"),
    concludedAt: instant("concluded_at"),
    finalisedAt: instant("finalised_at"),
    /** The conference whose Wiedervorlage created this one. */
    followsConferenceId: uuid("follows_conference_id").references(
      (): AnyPgColumn => conferences.id,
      { onDelete: "set null" },
    ),
    /** Where it takes place: a room, an address; empty when only online. */
    location: text("location").notNull().default(""),
    /** Link to the video meeting, if any. */
    videoLink: text("video_link").notNull().default(""),
    durationMinutes: integer("duration_minutes").notNull().default(60),
    /**
     * The iCalendar SEQUENCE of the invitation: counted up when the date, place or status
     * changes, so calendars replace the entry they hold instead of adding a second one.
     */
    calendarSequence: integer("calendar_sequence").notNull().default(0),
  },
  (table) => [
    index("conferences_case_idx").on(table.caseId),
    index("conferences_scheduled_idx").on(table.scheduledAt),
    // At most one follow-up per conference, even when two finalisations race.
    uniqueIndex("conferences_follows_key").on(table.followsConferenceId),
  ],
);

export const conferenceParticipants = pgTable(
  "conference_participants",
  {
    conferenceId: uuid("conference_id")
      .notNull()
      .references(() => conferences.id, { onDelete: "cascade" }),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    role: text("role").$type<ParticipantRole>().notNull().default("editor"),
  },
  (table) => [
    primaryKey({ columns: [table.conferenceId, table.agencyId] }),
    index("conference_participants_agency_idx").on(table.agencyId),
  ],
);

export const agendaItems = pgTable(
  "agenda_items",
  {
    id: id(),
    conferenceId: uuid("conference_id")
      .notNull()
      .references(() => conferences.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    /** A standard item of the Fallkonferenz, titled in the reader's language; null for an own item. */
    kind: text("kind").$type<AgendaItemKind>(),
    /** The wording of an own item (from the Kreis's template or carried over from an earlier conference). */
    title: text("title"),
  },
  (table) => [
    index("agenda_items_conference_idx").on(table.conferenceId),
    check(
      "agenda_items_kind_or_title",
      sql`${table.kind} is not null or ${table.title} is not null`,
    ),
  ],
);

/**
 * The agenda every new conference of this installation (one Kreis) starts with, as its
 * platform admin arranged it. Empty means the Fallkonferenz template from the vocabulary.
 */
export const agendaTemplateItems = pgTable(
  "agenda_template_items",
  {
    position: integer("position").primaryKey(),
    kind: text("kind").$type<AgendaItemKind>(),
    title: text("title"),
    updatedBy: uuid("updated_by")
      .notNull()
      .references(() => users.id),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (table) => [
    check(
      "agenda_template_items_kind_or_title",
      sql`${table.kind} is not null or ${table.title} is not null`,
    ),
  ],
);

/**
 * Who took part, as each person recorded it: present (with the confidentiality
 * confirmed), apologised, or sent information in advance. One row per person.
 */
export const conferenceAttendance = pgTable(
  "conference_attendance",
  {
    conferenceId: uuid("conference_id")
      .notNull()
      .references(() => conferences.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    kind: text("kind").$type<AttendanceKind>().notNull(),
    confidentialityConfirmed: boolean("confidentiality_confirmed").notNull().default(false),
    recordedAt: instant("recorded_at").notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.conferenceId, table.userId] })],
);

export type ConferenceRow = typeof conferences.$inferSelect;
export type AttendanceRow = typeof conferenceAttendance.$inferSelect;
export type AgendaItemRow = typeof agendaItems.$inferSelect;
