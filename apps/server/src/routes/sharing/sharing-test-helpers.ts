import type {
  TAuditTargetType,
  TCreateSecrecyReleaseRequest,
  TCreateSharingBasisRequest,
} from "@runder-tisch/contracts";
import { schema } from "@runder-tisch/db";
import { and, asc, eq } from "drizzle-orm";
import { agencyWithUser, factories, type TestContext } from "../../../test/test-app.ts";
import type { DomainEvent } from "../../events/domain-events.ts";
import { addDays, todayInBerlin } from "../../lib/time.ts";

export const daysFromToday = (days: number) => addDays(todayInBerlin(), days);

/** An owning agency with a fresh case, and a second agency that may receive it. */
export async function caseWithPartner(ctx: TestContext) {
  const owner = await agencyWithUser(ctx, { kind: "kim_case_management" });
  const partner = await agencyWithUser(ctx, { kind: "jobcenter" });
  const caseRow = await factories.createCase(ctx.db, {
    ownerAgencyId: owner.agency.id,
    createdBy: owner.user.id,
  });
  return { owner, partner, caseRow };
}

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
      givenOn: daysFromToday(-10),
      textVersion: "Einwilligung KIM v3",
    },
    ...overrides,
  };
}

export function secrecyReleaseBody(
  agencyId: string,
  overrides: Partial<TCreateSecrecyReleaseRequest> = {},
): TCreateSecrecyReleaseRequest {
  return {
    agencyId,
    form: "written",
    givenOn: daysFromToday(-3),
    scope: "Gespräche über den Passbeschaffungstermin",
    ...overrides,
  };
}

/** Records the domain events of one case until `stop` is called. */
export function recordEvents(ctx: TestContext, caseId: string) {
  const events: DomainEvent[] = [];
  const stop = ctx.app.events.subscribe((event) => {
    if ("caseId" in event && event.caseId === caseId) events.push(event);
  });
  return { events, stop };
}

export async function auditRowsOf(ctx: TestContext, caseId: string, targetType: TAuditTargetType) {
  return ctx.db
    .select()
    .from(schema.auditLog)
    .where(and(eq(schema.auditLog.caseId, caseId), eq(schema.auditLog.targetType, targetType)))
    .orderBy(asc(schema.auditLog.id));
}
