import type { TUserRole } from "@runder-tisch/contracts";

/** The signed-in person a request acts for. */
export interface Actor {
  userId: string;
  email: string;
  displayName: string;
  role: TUserRole;
  agencyId: string;
  agencyName: string;
}
