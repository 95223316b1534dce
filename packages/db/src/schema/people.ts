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
    /** Null for people who sign in only through an identity provider (OpenID Connect). */
    passwordHash: text("password_hash"),
    disabledAt: instant("disabled_at"),
    /** The latest pause of sign-in for this account from some address (see signInThrottles). */
    lockedUntil: instant("locked_until"),
    /**
     * Second factor (RFC 6238 TOTP, base32). The pending secret waits for the first code
     * from the person's app; only then does it become the secret sign-in asks for.
     */
    totpSecret: text("totp_secret"),
    totpPendingSecret: text("totp_pending_secret"),
    /** The last time step a code was accepted for: a code seen once is not taken again. */
    totpLastStep: integer("totp_last_step"),
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
    /** The OpenID Connect provider that signed this session in; null for a password. */
    signInProvider: text("sign_in_provider"),
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

/** One-time recovery codes for a lost authenticator app; only their SHA-256 is kept. */
export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: instant("used_at"),
  },
  (table) => [primaryKey({ columns: [table.userId, table.codeHash] })],
);

/** Who a person is at an OpenID Connect provider (issuer's subject), linked to their account. */
export const externalIdentities = pgTable(
  "external_identities",
  {
    providerId: text("provider_id").notNull(),
    subject: text("subject").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    lastSignInAt: instant("last_sign_in_at").notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.providerId, table.subject] }),
    index("external_identities_user_idx").on(table.userId),
  ],
);

/**
 * The agencies a provider may place people in, chosen by the platform admin: a group
 * claim naming any other agency signs nobody in, whatever the provider's mapping says.
 */
export const providerAgencies = pgTable(
  "provider_agencies",
  {
    providerId: text("provider_id").notNull(),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id, { onDelete: "cascade" }),
  },
  (table) => [primaryKey({ columns: [table.providerId, table.agencyId] })],
);

/**
 * A sign-in begun at a provider and not yet come back: state, nonce and PKCE verifier.
 * Kept in the database so the answer may reach any node; taken (deleted) when used, so a
 * state comes back once. The browser hash ties it to the browser that began it.
 */
export const pendingSignIns = pgTable(
  "pending_sign_ins",
  {
    stateHash: text("state_hash").primaryKey(),
    providerId: text("provider_id").notNull(),
    browserHash: text("browser_hash").notNull(),
    codeVerifier: text("code_verifier").notNull(),
    nonce: text("nonce").notNull(),
    returnTo: text("return_to").notNull(),
    expiresAt: instant("expires_at").notNull(),
  },
  (table) => [index("pending_sign_ins_expires_idx").on(table.expiresAt)],
);
