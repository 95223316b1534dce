import type {
  ConsentForm,
  DataCategory,
  LegalBasisKind,
  ReferralKind,
  ReferralStatus,
} from "@runder-tisch/contracts/vocabulary";
import { sql } from "drizzle-orm";
import { check, date, index, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { cases, sharingBases } from "./cases.ts";
import { createdAt, id, instant } from "./columns.ts";
import { agencies, users } from "./people.ts";

/**
 * The owning agency asks another agency to join a case ("share") or to take it over
 * ("transfer"). Nothing of the case reaches the asked agency until it accepts: then the
 * sharing basis is recorded (or the case changes hands) in the accepting transaction.
 * The basis fields are those of `sharing_bases`; a transfer has them only when the
 * agency giving the case away keeps access to it.
 */
export const referrals = pgTable(
  "referrals",
  {
    id: id(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id, { onDelete: "cascade" }),
    kind: text("kind").$type<ReferralKind>().notNull(),
    fromAgencyId: uuid("from_agency_id")
      .notNull()
      .references(() => agencies.id),
    toAgencyId: uuid("to_agency_id")
      .notNull()
      .references(() => agencies.id),
    purpose: text("purpose"),
    categories: text("categories").array().$type<DataCategory[]>(),
    legalBasis: text("legal_basis").$type<LegalBasisKind>(),
    consentForm: text("consent_form").$type<ConsentForm>(),
    consentGivenOn: date("consent_given_on", { mode: "string" }),
    consentTextVersion: text("consent_text_version"),
    statuteNorm: text("statute_norm"),
    validUntil: date("valid_until", { mode: "string" }),
    message: text("message").notNull().default(""),
    status: text("status").$type<ReferralStatus>().notNull().default("pending"),
    requestedBy: uuid("requested_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    decidedBy: uuid("decided_by").references(() => users.id),
    decidedAt: instant("decided_at"),
    declineReason: text("decline_reason"),
    /** The basis recorded on acceptance (a share, or the basis a transfer leaves behind). */
    sharingBasisId: uuid("sharing_basis_id").references(() => sharingBases.id, {
      onDelete: "set null",
    }),
  },
  (table) => [
    index("referrals_case_idx").on(table.caseId),
    index("referrals_to_agency_idx").on(table.toAgencyId, table.createdAt),
    // One open question per case and agency asked: a second one would only confuse them.
    uniqueIndex("referrals_one_pending")
      .on(table.caseId, table.toAgencyId)
      .where(sql`${table.status} = 'pending'`),
    check(
      "referrals_share_has_basis",
      sql`${table.kind} <> 'share' or ${table.legalBasis} is not null`,
    ),
  ],
);

export type ReferralRow = typeof referrals.$inferSelect;
