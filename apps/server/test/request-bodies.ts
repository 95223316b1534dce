import type {
  TCreateSecrecyReleaseRequest,
  TCreateSharingBasisRequest,
} from "@runder-tisch/contracts";
import { dateInDays } from "./time.ts";

/** A written consent given ten days ago, for the agency named. */
export function consentBasisBody(
  agencyId: string,
  overrides: Partial<TCreateSharingBasisRequest> = {},
): TCreateSharingBasisRequest {
  return {
    agencyId,
    purpose: "Aufenthaltssicherung und Arbeitsmarktintegration",
    categories: ["general"],
    legalBasis: {
      kind: "consent",
      form: "written",
      givenOn: dateInDays(-10),
      textVersion: "Einwilligung KIM v3",
    },
    ...overrides,
  };
}

/** A written release from professional secrecy given three days ago. */
export function secrecyReleaseBody(
  agencyId: string,
  overrides: Partial<TCreateSecrecyReleaseRequest> = {},
): TCreateSecrecyReleaseRequest {
  return {
    agencyId,
    form: "written",
    givenOn: dateInDays(-3),
    scope: "Gespräche über den Passbeschaffungstermin",
    ...overrides,
  };
}
