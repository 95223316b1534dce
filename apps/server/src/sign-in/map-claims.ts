import type { TUserRole } from "@runder-tisch/contracts";
import type { OidcProviderSettings } from "./oidc-settings.ts";

const ROLE_RANK: Record<TUserRole, number> = { member: 0, coordinator: 1, platform_admin: 2 };

export type MappedPlacement =
  | { placed: true; agencyId: string; role: TUserRole }
  | { placed: false; why: "no_group" | "several_agencies" | "agency_not_allowed" };

/** The groups claim as a list, whether the provider sends a list or one string. */
export function groupsOf(claims: Record<string, unknown>, claim: string): string[] {
  const value = claims[claim];
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.filter((group) => typeof group === "string");
  return [];
}

/**
 * The agency and role a person gets from their groups. Exactly one agency must come out,
 * and the platform admin must allow this provider to assign it; anything else places
 * nobody (guessing between two agencies could show cases to the wrong one).
 */
export function placeByGroups(
  settings: OidcProviderSettings,
  groups: readonly string[],
  allowedAgencyIds: ReadonlySet<string>,
): MappedPlacement {
  const agencyIds = new Set(
    groups.flatMap((group) => {
      const agencyId = settings.agencies[group];
      return agencyId ? [agencyId] : [];
    }),
  );
  if (agencyIds.size === 0) return { placed: false, why: "no_group" };
  if (agencyIds.size > 1) return { placed: false, why: "several_agencies" };
  const [agencyId] = [...agencyIds] as [string];
  if (!allowedAgencyIds.has(agencyId)) return { placed: false, why: "agency_not_allowed" };
  const role = groups.reduce<TUserRole>((highest, group) => {
    const named = settings.roles[group];
    return named && ROLE_RANK[named] > ROLE_RANK[highest] ? named : highest;
  }, settings.defaultRole);
  return { placed: true, agencyId, role };
}
