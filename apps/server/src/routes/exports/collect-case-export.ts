import { type TCaseExport, ZIdentityRecord } from "@runder-tisch/contracts";
import { type Database, schema } from "@runder-tisch/db";
import { and, asc, eq } from "drizzle-orm";
import { presentAuditEntry } from "../../audit/present-audit-entry.ts";
import { loadMinutesMarks } from "../../domain/minutes/minutes-marks.ts";
import { presentMinutes } from "../../domain/minutes/present-minutes.ts";
import { loadCaseChecklists } from "../../domain/pathways/load-checklists.ts";
import { presentDispute } from "../../domain/retention/present-dispute.ts";
import type { IdentityCipher } from "../../lib/identity-crypto.ts";
import type { Actor } from "../../policies/actor.ts";
import type { CaseRow } from "../../policies/case-access.ts";
import { loadNames } from "./agency-names.ts";
import { exportActions } from "./export-actions.ts";
import { exportConferences } from "./export-conferences.ts";

export interface ExportDependencies {
  db: Database;
  identityCipher: IdentityCipher;
  encodeState: (conferenceId: string) => Promise<Uint8Array>;
}

/**
 * Everything stored about a case, for the person's right of access (GDPR
 * Art. 15): every table that refers to the case contributes a section (the
 * export test checks this against the schema).
 */
export async function collectCaseExport(
  deps: ExportDependencies,
  caseRow: CaseRow,
  actor: Actor,
  now: Date = new Date(),
): Promise<TCaseExport> {
  const { db } = deps;
  const names = await loadNames(db);
  const disputes = await db
    .select()
    .from(schema.disputes)
    .where(eq(schema.disputes.caseId, caseRow.id))
    .orderBy(asc(schema.disputes.createdAt));
  const disputeOf = (type: string, id: string) => {
    const active = disputes.find(
      (row) => row.targetType === type && row.targetId === id && !row.liftedAt,
    );
    return active ? { reason: active.reason, raisedAt: active.createdAt.toISOString() } : null;
  };
  const overrides = await db
    .select()
    .from(schema.personalDataOverrides)
    .where(eq(schema.personalDataOverrides.caseId, caseRow.id))
    .orderBy(asc(schema.personalDataOverrides.createdAt));
  const [identityRow] = await db
    .select()
    .from(schema.identityRecords)
    .where(eq(schema.identityRecords.caseId, caseRow.id));
  const bases = await db
    .select()
    .from(schema.sharingBases)
    .where(eq(schema.sharingBases.caseId, caseRow.id))
    .orderBy(asc(schema.sharingBases.createdAt));
  const releases = await db
    .select()
    .from(schema.secrecyReleases)
    .where(eq(schema.secrecyReleases.caseId, caseRow.id))
    .orderBy(asc(schema.secrecyReleases.createdAt));
  const minutesRows = await db
    .select()
    .from(schema.minutesVersions)
    .where(eq(schema.minutesVersions.caseId, caseRow.id))
    .orderBy(asc(schema.minutesVersions.finalisedAt));
  const marks = await loadMinutesMarks(db, minutesRows);
  const referrals = await db
    .select()
    .from(schema.referrals)
    .where(eq(schema.referrals.caseId, caseRow.id))
    .orderBy(asc(schema.referrals.createdAt));
  // Each agency answers for its own internal notes: only the exporting agency's are here.
  const internalNotes = await db
    .select()
    .from(schema.internalNotes)
    .where(
      and(
        eq(schema.internalNotes.caseId, caseRow.id),
        eq(schema.internalNotes.agencyId, actor.agencyId),
      ),
    )
    .orderBy(asc(schema.internalNotes.createdAt));
  const audit = await db
    .select()
    .from(schema.auditLog)
    .where(eq(schema.auditLog.caseId, caseRow.id))
    .orderBy(asc(schema.auditLog.id));
  return {
    generatedAt: now.toISOString(),
    generatedBy: {
      user: { id: actor.userId, displayName: actor.displayName },
      agency: { id: actor.agencyId, name: actor.agencyName },
    },
    case: {
      id: caseRow.id,
      code: caseRow.code,
      ownerAgency: names.ref(caseRow.ownerAgencyId),
      summary: caseRow.summary,
      themes: caseRow.themes,
      specialCategoryNote: caseRow.specialCategoryNote,
      status: caseRow.status,
      closedAt: caseRow.closedAt?.toISOString() ?? null,
      createdAt: caseRow.createdAt.toISOString(),
      updatedAt: caseRow.updatedAt.toISOString(),
      disputed: disputeOf("case", caseRow.id),
    },
    identity: identityRow
      ? {
          ...ZIdentityRecord.parse(
            JSON.parse(
              deps.identityCipher.decrypt(identityRow.ciphertext, caseRow.id, identityRow.keyId),
            ),
          ),
          updatedAt: identityRow.updatedAt.toISOString(),
        }
      : null,
    sharingBases: bases.map((basis) => ({
      id: basis.id,
      agency: names.ref(basis.agencyId),
      purpose: basis.purpose,
      categories: basis.categories,
      legalBasis: basis.legalBasis,
      consentForm: basis.consentForm,
      consentGivenOn: basis.consentGivenOn,
      consentTextVersion: basis.consentTextVersion,
      statuteNorm: basis.statuteNorm,
      validUntil: basis.validUntil,
      createdAt: basis.createdAt.toISOString(),
      revokedAt: basis.revokedAt?.toISOString() ?? null,
      revocationNote: basis.revocationNote,
    })),
    secrecyReleases: releases.map((release) => ({
      id: release.id,
      agency: names.ref(release.agencyId),
      form: release.form,
      givenOn: release.givenOn,
      scope: release.scope,
      validUntil: release.validUntil,
      createdAt: release.createdAt.toISOString(),
      revokedAt: release.revokedAt?.toISOString() ?? null,
    })),
    conferences: await exportConferences(db, caseRow.id, deps.encodeState, names),
    minutes: minutesRows.map((row) => presentMinutes(row, marks.get(row.id))),
    actions: await exportActions(db, caseRow.id, names, disputeOf),
    disputes: disputes.map((row) =>
      presentDispute(
        row,
        new Map([[row.raisedByAgencyId ?? "", names.ref(row.raisedByAgencyId ?? "").name]]),
      ),
    ),
    referrals: referrals.map((row) => ({
      id: row.id,
      kind: row.kind,
      status: row.status,
      fromAgency: names.ref(row.fromAgencyId),
      toAgency: names.ref(row.toAgencyId),
      purpose: row.purpose,
      categories: row.categories,
      legalBasis: row.legalBasis,
      message: row.message,
      createdAt: row.createdAt.toISOString(),
      decidedAt: row.decidedAt?.toISOString() ?? null,
      declineReason: row.declineReason,
    })),
    internalNotes: internalNotes.map((row) => ({
      id: row.id,
      agency: names.ref(row.agencyId),
      body: row.body,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    })),
    pathwayChecklists: await loadCaseChecklists(db, caseRow.id),
    personalDataOverrides: overrides.map((row) => ({
      targetType: row.targetType,
      targetId: row.targetId,
      kinds: row.kinds,
      reason: row.reason,
      agency: names.ref(row.agencyId),
      createdAt: row.createdAt.toISOString(),
    })),
    auditEntries: audit.map(presentAuditEntry),
  };
}
