import type { AgencyKind, UserRole } from "@runder-tisch/contracts/vocabulary";
import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, id, instant } from "./columns.ts";

export const agencies = pgTable("agencies", {
  id: id(),
  name: text("name").notNull(),
  kind: text("kind").$type<AgencyKind>().notNull(),
  active: boolean("active").notNull().default(true),
  createdAt: createdAt(),
});

export const users = pgTable(
  "users",
  {
    id: id(),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    email: text("email").notNull(),
    displayName: text("display_name").notNull(),
    role: text("role").$type<UserRole>().notNull(),
    passwordHash: text("password_hash").notNull(),
    disabledAt: instant("disabled_at"),
    /** The latest pause of sign-in for this account from some address (see signInThrottles). */
    lockedUntil: instant("locked_until"),
    createdAt: createdAt(),
  },
  (table) => [
    uniqueIndex("users_email_unique").on(sql`lower(${table.email})`),
    index("users_agency_idx").on(table.agencyId),
  ],
);

/** Server-side sessions; the cookie holds a random token, the table only its SHA-256. */
export const sessions = pgTable(
  "sessions",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    csrfToken: text("csrf_token").notNull(),
    createdAt: createdAt(),
    lastSeenAt: instant("last_seen_at").notNull().defaultNow(),
    expiresAt: instant("expires_at").notNull(),
    revokedAt: instant("revoked_at"),
  },
  (table) => [index("sessions_user_idx").on(table.userId)],
);

export type AgencyRow = typeof agencies.$inferSelect;
export type UserRow = typeof users.$inferSelect;

/**
 * Failed sign-ins per account and address (ASVS 2.2.1): too many from one address
 * pause sign-in for that account from that address only, so nobody can lock a
 * colleague out from elsewhere. Keyed by the e-mail address as typed (lower case),
 * known or not, so an unknown account answers exactly like a known one. Rows older
 * than a day are removed as new failures come in.
 */
export const signInThrottles = pgTable(
  "sign_in_throttles",
  {
    email: text("email").notNull(),
    address: text("address").notNull(),
    failures: integer("failures").notNull().default(0),
    blockedUntil: instant("blocked_until"),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.email, table.address] }),
    index("sign_in_throttles_updated_idx").on(table.updatedAt),
  ],
);
