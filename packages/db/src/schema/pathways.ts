import type { PathwayStatus } from "@runder-tisch/contracts/vocabulary";
import {
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { actions } from "./actions.ts";
import { cases } from "./cases.ts";
import { createdAt, id, instant } from "./columns.ts";
import { agencies, users } from "./people.ts";

/** One prerequisite of a pathway as a template version states it. */
export interface PathwayPrerequisiteContent {
  /** Stable across versions, so a status recorded under it keeps its meaning. */
  key: string;
  de: string;
  en: string;
  hintDe?: string;
  hintEn?: string;
  /** The title an action to meet it gets ("B1-Zertifikat nachweisen"). */
  actionTitleDe: string;
}

/**
 * A checklist template for a residence pathway, one row per version. Editing a template
 * adds a row with the next version; checklists point at the version they started with,
 * so a later wording never rewrites what a case recorded. A working aid, not a decision.
 */
export const pathwayTemplates = pgTable(
  "pathway_templates",
  {
    id: id(),
    /** The pathway, e.g. `aufenthg-104c`; the same across versions. */
    pathwayKey: text("pathway_key").notNull(),
    version: integer("version").notNull(),
    norm: text("norm").notNull(),
    titleDe: text("title_de").notNull(),
    titleEn: text("title_en").notNull(),
    prerequisites: jsonb("prerequisites").$type<PathwayPrerequisiteContent[]>().notNull(),
    /** Null for the versions shipped with the platform. */
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    agencyId: uuid("agency_id").references(() => agencies.id),
    createdAt: createdAt(),
  },
  (table) => [unique("pathway_templates_key_version").on(table.pathwayKey, table.version)],
);

/** Agencies an immigration office's coordinator allowed to edit templates (their coordinators). */
export const pathwayTemplateEditors = pgTable("pathway_template_editors", {
  agencyId: uuid("agency_id")
    .primaryKey()
    .references(() => agencies.id),
  namedBy: uuid("named_by").references(() => users.id, { onDelete: "set null" }),
  namedByAgencyId: uuid("named_by_agency_id")
    .notNull()
    .references(() => agencies.id),
  createdAt: createdAt(),
});

/** A pathway checked for a case, against the template version it was started with. */
export const pathwayChecklists = pgTable(
  "pathway_checklists",
  {
    id: id(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    pathwayKey: text("pathway_key").notNull(),
    templateId: uuid("template_id")
      .notNull()
      .references(() => pathwayTemplates.id),
    startedBy: uuid("started_by").references(() => users.id, { onDelete: "set null" }),
    startedByAgencyId: uuid("started_by_agency_id")
      .notNull()
      .references(() => agencies.id),
    createdAt: createdAt(),
  },
  (table) => [
    unique("pathway_checklists_case_pathway").on(table.caseId, table.pathwayKey),
    index("pathway_checklists_pathway_idx").on(table.pathwayKey),
  ],
);

/** The current status of one prerequisite in a checklist (unset prerequisites have no row). */
export const pathwayStatuses = pgTable(
  "pathway_statuses",
  {
    checklistId: uuid("checklist_id")
      .notNull()
      .references(() => pathwayChecklists.id, { onDelete: "cascade" }),
    prerequisiteKey: text("prerequisite_key").notNull(),
    status: text("status").$type<PathwayStatus>().notNull(),
    setAt: instant("set_at").notNull().defaultNow(),
    setBy: uuid("set_by").references(() => users.id, { onDelete: "set null" }),
    setByAgencyId: uuid("set_by_agency_id")
      .notNull()
      .references(() => agencies.id),
    /** The action created to meet it, while it exists. */
    actionId: uuid("action_id").references(() => actions.id, { onDelete: "set null" }),
  },
  (table) => [primaryKey({ columns: [table.checklistId, table.prerequisiteKey] })],
);

/** Every change of a prerequisite's status, kept when the status changes again. */
export const pathwayStatusEvents = pgTable(
  "pathway_status_events",
  {
    id: id(),
    checklistId: uuid("checklist_id")
      .notNull()
      .references(() => pathwayChecklists.id, { onDelete: "cascade" }),
    prerequisiteKey: text("prerequisite_key").notNull(),
    fromStatus: text("from_status").$type<PathwayStatus>(),
    toStatus: text("to_status").$type<PathwayStatus>().notNull(),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    createdAt: createdAt(),
  },
  (table) => [index("pathway_status_events_checklist_idx").on(table.checklistId, table.createdAt)],
);

export type PathwayTemplateRow = typeof pathwayTemplates.$inferSelect;
export type PathwayChecklistRow = typeof pathwayChecklists.$inferSelect;
export type PathwayStatusRow = typeof pathwayStatuses.$inferSelect;
export type PathwayStatusEventRow = typeof pathwayStatusEvents.$inferSelect;
