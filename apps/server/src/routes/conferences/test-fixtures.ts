import { agencyWithUser, factories, type TestContext } from "../../../test/test-app.ts";
import type { DomainEvent } from "../../events/domain-events.ts";

export type SignedInAgency = Awaited<ReturnType<typeof agencyWithUser>>;

/** A case owned by a fresh agency, plus partner agencies that hold an active basis for it. */
export async function caseWithPartners(ctx: TestContext, partnerCount = 2) {
  const owner = await agencyWithUser(ctx, { kind: "kim_case_management" });
  const caseRow = await factories.createCase(ctx.db, { ownerAgencyId: owner.agency.id });
  const partners: SignedInAgency[] = [];
  for (let index = 0; index < partnerCount; index += 1) {
    const partner = await agencyWithUser(ctx);
    await factories.grantSharingBasis(ctx.db, {
      caseId: caseRow.id,
      agencyId: partner.agency.id,
      recordedBy: owner.user.id,
    });
    partners.push(partner);
  }
  return { owner, caseRow, partners };
}

export const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

/** Collects the conference events published while a test runs. */
export function recordConferenceEvents(ctx: TestContext) {
  const events: Extract<DomainEvent, { kind: "conference.changed" }>[] = [];
  const stop = ctx.app.events.subscribe((event) => {
    if (event.kind === "conference.changed") events.push(event);
  });
  return { events, stop };
}
