import type {
  AgendaItemKind,
  ConferenceStatus,
  ParticipantRole,
} from "@runder-tisch/contracts/vocabulary";
import { index, integer, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
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
  },
  (table) => [
    index("conferences_case_idx").on(table.caseId),
    index("conferences_scheduled_idx").on(table.scheduledAt),
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
    kind: text("kind").$type<AgendaItemKind>().notNull(),
  },
  (table) => [index("agenda_items_conference_idx").on(table.conferenceId)],
);

export type ConferenceRow = typeof conferences.$inferSelect;
