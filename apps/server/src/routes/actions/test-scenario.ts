import type { BasisOptions } from "@runder-tisch/db/factories";
import { agencyWithUser, factories, type TestContext } from "../../../test/test-app.ts";
import type { DomainEvent } from "../../events/domain-events.ts";

/** A case owned by one agency and shared with a partner, each with a signed-in member. */
export async function sharedCase(ctx: TestContext) {
  const owner = await agencyWithUser(ctx);
  const partner = await agencyWithUser(ctx);
  const caseRow = await factories.createCase(ctx.db, { ownerAgencyId: owner.agency.id });
  await factories.grantSharingBasis(ctx.db, {
    caseId: caseRow.id,
    agencyId: partner.agency.id,
    recordedBy: owner.user.id,
  });
  return { owner, partner, caseRow };
}

export async function shareWith(
  ctx: TestContext,
  caseId: string,
  recordedBy: string,
  options: Partial<BasisOptions> = {},
) {
  const other = await agencyWithUser(ctx);
  await factories.grantSharingBasis(ctx.db, {
    caseId,
    agencyId: other.agency.id,
    recordedBy,
    ...options,
  });
  return other;
}

/** Collects what the app publishes from now on. */
export function recordEvents(ctx: TestContext) {
  const events: DomainEvent[] = [];
  const stop = ctx.app.events.subscribe((event) => events.push(event));
  return { events, stop };
}
