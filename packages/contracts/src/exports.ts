import { z } from "zod";
import { ZAuditEntry } from "./audit.ts";
import { ZIdentityRecord } from "./cases.ts";
import { ZAgencyRef, ZCaseCode, ZId, ZIsoDate, ZIsoDateTime, ZUserRef } from "./common.ts";
import { ZCaseTheme } from "./enums.ts";
import { ZMinutes } from "./minutes.ts";
import { ZPathwayChecklist } from "./pathways.ts";
import { ZDispute } from "./retention.ts";

/**
 * Everything stored about one case, for a subject access request (GDPR Art. 15).
 * Sections mirror the tables; `disputed` marks entries under restriction.
 */
export const ZCaseExportQuery = z.object({ format: z.enum(["json", "html"]).default("json") });

const ZDisputeMark = z.object({ reason: z.string(), raisedAt: ZIsoDateTime }).nullable();

export const ZCaseExport = z.object({
  generatedAt: ZIsoDateTime,
  generatedBy: z.object({ user: ZUserRef, agency: ZAgencyRef }),
  case: z.object({
    id: ZId,
    code: ZCaseCode,
    ownerAgency: ZAgencyRef,
    summary: z.string(),
    themes: z.array(z.string()),
    specialCategoryNote: z.string().nullable(),
    status: z.string(),
    closedAt: ZIsoDateTime.nullable(),
    createdAt: ZIsoDateTime,
    updatedAt: ZIsoDateTime,
    disputed: ZDisputeMark,
  }),
  identity: ZIdentityRecord.extend({ updatedAt: ZIsoDateTime }).nullable(),
  sharingBases: z.array(
    z.object({
      id: ZId,
      agency: ZAgencyRef,
      purpose: z.string(),
      categories: z.array(z.string()),
      legalBasis: z.string(),
      consentForm: z.string().nullable(),
      consentGivenOn: ZIsoDate.nullable(),
      consentTextVersion: z.string().nullable(),
      statuteNorm: z.string().nullable(),
      validUntil: ZIsoDate.nullable(),
      createdAt: ZIsoDateTime,
      revokedAt: ZIsoDateTime.nullable(),
      revocationNote: z.string().nullable(),
    }),
  ),
  secrecyReleases: z.array(
    z.object({
      id: ZId,
      agency: ZAgencyRef,
      form: z.string(),
      givenOn: ZIsoDate,
      scope: z.string(),
      validUntil: ZIsoDate.nullable(),
      createdAt: ZIsoDateTime,
      revokedAt: ZIsoDateTime.nullable(),
    }),
  ),
  conferences: z.array(
    z.object({
      id: ZId,
      title: z.string(),
      scheduledAt: ZIsoDateTime,
      status: z.string(),
      startedAt: ZIsoDateTime.nullable(),
      concludedAt: ZIsoDateTime.nullable(),
      finalisedAt: ZIsoDateTime.nullable(),
      location: z.string(),
      videoLink: z.string(),
      durationMinutes: z.number().int(),
      followsConferenceId: ZId.nullable(),
      participants: z.array(z.object({ agency: ZAgencyRef, role: z.string() })),
      attendance: z.array(
        z.object({
          person: ZUserRef,
          agency: ZAgencyRef,
          kind: z.string(),
          confidentialityConfirmed: z.boolean(),
          recordedAt: ZIsoDateTime,
        }),
      ),
      agenda: z.array(
        z.object({
          position: z.number().int(),
          kind: z.string().nullable(),
          title: z.string().nullable(),
        }),
      ),
      /** The obstacles of its finalised minutes, as the steering group's counts read them. */
      obstacles: z.array(
        z.object({
          theme: ZCaseTheme,
          description: z.string(),
          proposedFix: z.string().nullable(),
          finalisedAt: ZIsoDateTime,
        }),
      ),
      /** The live document as it is stored now (snapshot plus updates). */
      document: z.object({
        notes: z.string(),
        agenda: z.array(z.string()),
        goals: z.array(z.string()),
        decisions: z.array(z.string()),
        actions: z.array(z.object({ id: z.string(), title: z.string(), description: z.string() })),
        snapshots: z.number().int(),
        /** Who wrote to the document, when and how much (kept after compaction). */
        updates: z.array(
          z.object({
            seq: z.number().int(),
            at: ZIsoDateTime,
            size: z.number().int(),
            agencyId: ZId.nullable(),
            userId: ZId.nullable(),
          }),
        ),
      }),
    }),
  ),
  minutes: z.array(ZMinutes),
  actions: z.array(
    z.object({
      id: ZId,
      conferenceId: ZId.nullable(),
      title: z.string(),
      description: z.string(),
      responsibleAgency: ZAgencyRef,
      responsibleUser: ZUserRef.nullable(),
      dueDate: ZIsoDate.nullable(),
      status: z.string(),
      createdAt: ZIsoDateTime,
      updatedAt: ZIsoDateTime,
      comments: z.array(
        z.object({
          id: ZId,
          author: ZUserRef,
          agency: ZAgencyRef,
          body: z.string(),
          createdAt: ZIsoDateTime,
          withdrawnAt: ZIsoDateTime.nullable(),
          disputed: ZDisputeMark,
        }),
      ),
      history: z.array(
        z.object({
          kind: z.string(),
          actorId: ZId.nullable(),
          agencyId: ZId.nullable(),
          changes: z.record(z.string(), z.unknown()),
          at: ZIsoDateTime,
        }),
      ),
      /** How later conferences reviewed it. */
      reviews: z.array(
        z.object({
          conferenceId: ZId,
          outcome: z.string(),
          note: z.string(),
          newDueDate: ZIsoDate.nullable(),
          reviewedBy: ZUserRef,
          agency: ZAgencyRef,
          reviewedAt: ZIsoDateTime,
        }),
      ),
    }),
  ),
  disputes: z.array(ZDispute),
  /** Requests to other agencies to join or take over the case, and their answers. */
  referrals: z.array(
    z.object({
      id: ZId,
      kind: z.string(),
      status: z.string(),
      fromAgency: ZAgencyRef,
      toAgency: ZAgencyRef,
      purpose: z.string().nullable(),
      categories: z.array(z.string()).nullable(),
      legalBasis: z.string().nullable(),
      message: z.string(),
      createdAt: ZIsoDateTime,
      decidedAt: ZIsoDateTime.nullable(),
      declineReason: z.string().nullable(),
    }),
  ),
  /** The exporting agency's own internal notes; other agencies' notes are theirs to disclose. */
  internalNotes: z.array(
    z.object({
      id: ZId,
      agency: ZAgencyRef,
      body: z.string(),
      createdAt: ZIsoDateTime,
      updatedAt: ZIsoDateTime,
    }),
  ),
  /** Residence pathway checklists: each prerequisite's status, who set it, and every change. */
  pathwayChecklists: z.array(ZPathwayChecklist),
  /** Texts published although the personal-data guard flagged them, with the reason given. */
  personalDataOverrides: z.array(
    z.object({
      targetType: z.string(),
      targetId: ZId,
      kinds: z.array(z.string()),
      reason: z.string(),
      agency: ZAgencyRef,
      createdAt: ZIsoDateTime,
    }),
  ),
  /** Who accessed or changed what of this case, and when (the audit trail). */
  auditEntries: z.array(ZAuditEntry),
});
export type TCaseExport = z.infer<typeof ZCaseExport>;
