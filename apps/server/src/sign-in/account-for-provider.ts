import type { SignInFailure } from "@runder-tisch/contracts/vocabulary";
import { type Database, type Executor, schema } from "@runder-tisch/db";
import { and, eq, isNull, sql } from "drizzle-orm";
import { recordAudit } from "../audit/audit-trail.ts";
import { groupsOf, placeByGroups } from "./map-claims.ts";
import type { OidcProviderSettings } from "./oidc-settings.ts";

export type ProviderAccount =
  | {
      found: true;
      user: schema.UserRow;
      /** Agency or role changed with this sign-in: the person's open connections must end. */
      movedNow: boolean;
    }
  | { found: false; failure: SignInFailure };

/** What the provider vouched for in the ID token (and the userinfo answer). */
export interface ProviderClaims {
  sub: string;
  [claim: string]: unknown;
}

export async function allowedAgencies(db: Executor, providerId: string): Promise<Set<string>> {
  const rows = await db
    .select({ agencyId: schema.providerAgencies.agencyId })
    .from(schema.providerAgencies)
    .where(eq(schema.providerAgencies.providerId, providerId));
  return new Set(rows.map((row) => row.agencyId));
}

const text = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : "");

function displayNameOf(claims: ProviderClaims, email: string): string {
  const full = text(claims.name) || `${text(claims.given_name)} ${text(claims.family_name)}`.trim();
  return (full || email).slice(0, 120);
}

/**
 * The account a provider's sign-in belongs to. Known by the provider's subject; the first
 * time by a verified e-mail address, else created when the provider may create accounts.
 * Agency and role follow the person's groups at every sign-in, so a change at the provider
 * takes effect the next time; a person the groups no longer place loses the sessions this
 * provider gave them. Every refusal is audited.
 */
export async function accountForProvider(
  db: Database,
  settings: OidcProviderSettings,
  claims: ProviderClaims,
  requestId: string,
): Promise<ProviderAccount> {
  return db.transaction(async (tx) => {
    const refuse = async (failure: SignInFailure, userId: string | null, agencyId?: string) => {
      await recordAudit(tx, {
        action: "denied",
        targetType: "session",
        userId,
        agencyId: agencyId ?? null,
        requestId,
        detail: { provider: settings.id, reason: failure },
      });
      return { found: false as const, failure };
    };

    const user = await knownUser(tx, settings.id, claims);
    const placement = placeByGroups(
      settings,
      groupsOf(claims, settings.groupsClaim),
      await allowedAgencies(tx, settings.id),
    );
    if (!placement.placed) {
      if (user) {
        await tx
          .update(schema.sessions)
          .set({ revokedAt: new Date() })
          .where(
            and(
              eq(schema.sessions.userId, user.id),
              eq(schema.sessions.signInProvider, settings.id),
              isNull(schema.sessions.revokedAt),
            ),
          );
      }
      return refuse("no_agency", user?.id ?? null, user?.agencyId);
    }
    if (user?.disabledAt) return refuse("account_disabled", user.id, user.agencyId);

    let account = user;
    let movedNow = false;
    if (!account) {
      const email = text(claims.email).toLowerCase();
      if (!settings.provision || !email.includes("@")) return refuse("no_account", null);
      const [taken] = await tx
        .select({ id: schema.users.id })
        .from(schema.users)
        .where(eq(sql`lower(${schema.users.email})`, email));
      // An unverified address must not take over the account that owns it.
      if (taken) return refuse("no_account", null);
      [account] = await tx
        .insert(schema.users)
        .values({
          email,
          displayName: displayNameOf(claims, email),
          agencyId: placement.agencyId,
          role: placement.role,
          passwordHash: null,
        })
        .returning();
      if (!account) throw new Error("user insert returned nothing");
      await recordAudit(tx, {
        action: "create",
        targetType: "user",
        targetId: account.id,
        userId: account.id,
        agencyId: account.agencyId,
        requestId,
        detail: { provider: settings.id, role: account.role },
      });
    } else if (account.agencyId !== placement.agencyId || account.role !== placement.role) {
      const before = { agencyId: account.agencyId, role: account.role };
      [account] = await tx
        .update(schema.users)
        .set({ agencyId: placement.agencyId, role: placement.role })
        .where(eq(schema.users.id, account.id))
        .returning();
      if (!account) throw new Error("user update returned nothing");
      // Sessions opened under the old agency or role must not keep its access.
      await tx
        .update(schema.sessions)
        .set({ revokedAt: new Date() })
        .where(and(eq(schema.sessions.userId, account.id), isNull(schema.sessions.revokedAt)));
      movedNow = true;
      await recordAudit(tx, {
        action: "change",
        targetType: "user",
        targetId: account.id,
        userId: account.id,
        agencyId: account.agencyId,
        requestId,
        detail: { provider: settings.id, fields: ["agencyId", "role"], from: before },
      });
    }

    await tx
      .insert(schema.externalIdentities)
      .values({ providerId: settings.id, subject: claims.sub, userId: account.id })
      .onConflictDoUpdate({
        target: [schema.externalIdentities.providerId, schema.externalIdentities.subject],
        set: { lastSignInAt: new Date() },
      });
    return { found: true as const, user: account, movedNow };
  });
}

async function knownUser(
  tx: Executor,
  providerId: string,
  claims: ProviderClaims,
): Promise<schema.UserRow | undefined> {
  const [linked] = await tx
    .select({ user: schema.users })
    .from(schema.externalIdentities)
    .innerJoin(schema.users, eq(schema.users.id, schema.externalIdentities.userId))
    .where(
      and(
        eq(schema.externalIdentities.providerId, providerId),
        eq(schema.externalIdentities.subject, claims.sub),
      ),
    );
  if (linked) return linked.user;
  const email = text(claims.email).toLowerCase();
  if (!email || claims.email_verified !== true) return undefined;
  const [byEmail] = await tx
    .select()
    .from(schema.users)
    .where(eq(sql`lower(${schema.users.email})`, email));
  return byEmail;
}
