import type { TAgencyKind, TUserRole } from "@runder-tisch/contracts";

/** The signed-in person a request acts for. */
export interface Actor {
  userId: string;
  email: string;
  displayName: string;
  role: TUserRole;
  agencyId: string;
  agencyName: string;
  agencyKind: TAgencyKind;
}

/** The actor for a user row and its agency row, as every sign-in path loads them. */
export function actorFrom(
  user: { id: string; email: string; displayName: string; role: TUserRole },
  agency: { id: string; name: string; kind: TAgencyKind },
): Actor {
  return {
    userId: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    agencyId: agency.id,
    agencyName: agency.name,
    agencyKind: agency.kind,
  };
}
