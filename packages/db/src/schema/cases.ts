import type {
  CaseStatus,
  ConsentForm,
  DataCategory,
  LegalBasisKind,
  ThemeKey,
} from "@runder-tisch/contracts/vocabulary";
import { sql } from "drizzle-orm";
import { date, index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { bytea, createdAt, id, instant } from "./columns.ts";
import { agencies, users } from "./people.ts";

export const cases = pgTable(
  "cases",
  {
    id: id(),
    code: text("code").notNull(),
    ownerAgencyId: uuid("owner_agency_id")
      .notNull()
      .references(() => agencies.id),
    summary: text("summary").notNull().default(""),
    themes: text("themes").array().$type<ThemeKey[]>().notNull().default(sql`'{}'::text[]`),
    specialCategoryNote: text("special_category_note"),
    status: text("status").$type<CaseStatus>().notNull().default("open"),
    closedAt: instant("closed_at"),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("cases_code_unique").on(table.code),
    index("cases_owner_idx").on(table.ownerAgencyId),
  ],
);

/** Hands out the running number in `RT-<year>-<number>` without gaps from races. */
export const caseCodeCounters = pgTable("case_code_counters", {
  year: integer("year").primaryKey(),
  lastNumber: integer("last_number").notNull(),
});

/** Name and file number behind a case code: AES-256-GCM ciphertext, owner-only. */
export const identityRecords = pgTable("identity_records", {
  caseId: uuid("case_id")
    .primaryKey()
    .references(() => cases.id, { onDelete: "cascade" }),
  ciphertext: bytea("ciphertext").notNull(),
  keyId: text("key_id").notNull(),
  updatedBy: uuid("updated_by").references(() => users.id),
  updatedAt: instant("updated_at").notNull().defaultNow(),
});

export const sharingBases = pgTable(
  "sharing_bases",
  {
    id: id(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    purpose: text("purpose").notNull(),
    categories: text("categories").array().$type<DataCategory[]>().notNull(),
    legalBasis: text("legal_basis").$type<LegalBasisKind>().notNull(),
    consentForm: text("consent_form").$type<ConsentForm>(),
    consentGivenOn: date("consent_given_on", { mode: "string" }),
    consentTextVersion: text("consent_text_version"),
    statuteNorm: text("statute_norm"),
    validUntil: date("valid_until", { mode: "string" }),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    revokedAt: instant("revoked_at"),
    revokedBy: uuid("revoked_by").references(() => users.id),
    revocationNote: text("revocation_note"),
  },
  (table) => [
    index("sharing_bases_agency_case_idx").on(table.agencyId, table.caseId),
    index("sharing_bases_case_idx").on(table.caseId),
  ],
);

export const secrecyReleases = pgTable(
  "secrecy_releases",
  {
    id: id(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    form: text("form").$type<ConsentForm>().notNull(),
    givenOn: date("given_on", { mode: "string" }).notNull(),
    scope: text("scope").notNull(),
    validUntil: date("valid_until", { mode: "string" }),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    revokedAt: instant("revoked_at"),
    revokedBy: uuid("revoked_by").references(() => users.id),
  },
  (table) => [index("secrecy_releases_case_idx").on(table.caseId)],
);

export type CaseRow = typeof cases.$inferSelect;
export type SharingBasisRow = typeof sharingBases.$inferSelect;
