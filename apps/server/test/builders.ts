import type { TAgencyKind, TParticipantRole, TUserRole } from "@runder-tisch/contracts";
import type { schema } from "@runder-tisch/db";
import type { BasisOptions } from "@runder-tisch/db/factories";
import * as factories from "@runder-tisch/db/factories";
import { hashPassword } from "../src/lib/passwords.ts";
import { openSession, type Session, TEST_PASSWORD } from "./sessions.ts";
import type { TestContext } from "./test-app.ts";

/*
 * Builders for server tests, in the manner of outline's factories: each makes
 * fresh rows with unique names and creates whatever parent it is not given, so
 * a test names only what matters to it.
 */

export { factories };

let passwordHash: Promise<string> | undefined;
/** One argon2 hash per test process: hashing is deliberately slow. */
export const testPasswordHash = () => {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  return passwordHash;
};

/** A person of an agency with an open session. */
export interface Member {
  agency: schema.AgencyRow;
  user: schema.UserRow;
  session: Session;
}

export async function buildMember(
  ctx: TestContext,
  options: {
    agency?: schema.AgencyRow;
    role?: TUserRole;
    kind?: TAgencyKind;
    name?: string;
  } = {},
): Promise<Member> {
  const agency =
    options.agency ??
    (await factories.createAgency(ctx.db, {
      ...(options.kind ? { kind: options.kind } : {}),
      ...(options.name ? { name: options.name } : {}),
    }));
  const user = await factories.createUser(ctx.db, {
    agencyId: agency.id,
    passwordHash: await testPasswordHash(),
    role: options.role ?? "member",
  });
  return { agency, user, session: await openSession(ctx.app, user) };
}

/** A case and the member of its owning agency who opened it. */
export async function buildCase(
  ctx: TestContext,
  options: {
    owner?: Member;
    ownerKind?: TAgencyKind;
    values?: Partial<typeof schema.cases.$inferInsert>;
  } = {},
): Promise<{ owner: Member; caseRow: schema.CaseRow }> {
  const owner =
    options.owner ?? (await buildMember(ctx, options.ownerKind ? { kind: options.ownerKind } : {}));
  const caseRow = await factories.createCase(ctx.db, {
    createdBy: owner.user.id,
    ...options.values,
    ownerAgencyId: owner.agency.id,
  });
  return { owner, caseRow };
}

/** One more agency with a member and a sharing basis for the case. */
export async function buildPartner(
  ctx: TestContext,
  shared: { caseId: string; recordedBy: string },
  basis: Partial<BasisOptions> = {},
): Promise<{ member: Member; basis: schema.SharingBasisRow }> {
  const member = await buildMember(ctx);
  const granted = await factories.grantSharingBasis(ctx.db, {
    caseId: shared.caseId,
    agencyId: member.agency.id,
    recordedBy: shared.recordedBy,
    ...basis,
  });
  return { member, basis: granted };
}

export interface SharedCase {
  owner: Member;
  caseRow: schema.CaseRow;
  /** The first partner and its basis. */
  partner: Member;
  basis: schema.SharingBasisRow;
  /** Every agency holding an active basis for the case, each with a member. */
  partners: Member[];
  bases: schema.SharingBasisRow[];
}

/** A case owned by one agency and shared with `partners` others (at least one; one by default). */
export async function buildSharedCase(
  ctx: TestContext,
  options: Parameters<typeof buildCase>[1] & {
    partners?: number;
    basis?: Partial<BasisOptions>;
  } = {},
): Promise<SharedCase> {
  const { owner, caseRow } = await buildCase(ctx, options);
  const partners: Member[] = [];
  const bases: schema.SharingBasisRow[] = [];
  const shared = { caseId: caseRow.id, recordedBy: owner.user.id };
  for (let index = 0; index < Math.max(1, options.partners ?? 1); index += 1) {
    const { member, basis } = await buildPartner(ctx, shared, options.basis);
    partners.push(member);
    bases.push(basis);
  }
  return {
    owner,
    caseRow,
    partner: partners[0] as Member,
    basis: bases[0] as schema.SharingBasisRow,
    partners,
    bases,
  };
}

export interface ConferenceScenario {
  owner: Member;
  /** Invited, with an active basis. */
  partner: Member;
  /** Another agency: with a basis but not invited, unless `outsiderHasBasis` is false. */
  outsider: Member;
  caseRow: schema.CaseRow;
  basis: schema.SharingBasisRow;
  conference: schema.ConferenceRow;
}

/** A shared case with a conference the partner is invited to, and an agency that is not. */
export async function buildConferenceScenario(
  ctx: TestContext,
  options: {
    partnerRole?: TParticipantRole;
    /** How the partner's basis differs from an active consent (revoked, expired ...). */
    basis?: Partial<BasisOptions>;
    outsiderHasBasis?: boolean;
    conferenceValues?: Partial<typeof schema.conferences.$inferInsert>;
  } = {},
): Promise<ConferenceScenario> {
  const { owner, caseRow, partner, basis } = await buildSharedCase(
    ctx,
    options.basis ? { basis: options.basis } : {},
  );
  const outsider =
    options.outsiderHasBasis === false
      ? await buildMember(ctx)
      : (await buildPartner(ctx, { caseId: caseRow.id, recordedBy: owner.user.id })).member;
  const conference = await factories.createConference(
    ctx.db,
    { ...options.conferenceValues, caseId: caseRow.id },
    [{ agencyId: partner.agency.id, role: options.partnerRole ?? "editor" }],
  );
  return { owner, partner, outsider, caseRow, basis, conference };
}
