import { type Executor, schema } from "@runder-tisch/db";
import { and, desc, eq, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";

const recorder = alias(schema.users, "recorder");
const revoker = alias(schema.users, "revoker");
const recorderRef = { id: recorder.id, displayName: recorder.displayName };
const revokerRef = { id: revoker.id, displayName: revoker.displayName };
const agencyRef = { id: schema.agencies.id, name: schema.agencies.name };

/** A case's sharing bases with the names the presenter needs, newest first. */
export function findSharingBases(
  db: Executor,
  where: { caseId: string; agencyId?: string | null; basisId?: string },
) {
  const bases = schema.sharingBases;
  const filters: SQL[] = [eq(bases.caseId, where.caseId)];
  if (where.agencyId) filters.push(eq(bases.agencyId, where.agencyId));
  if (where.basisId) filters.push(eq(bases.id, where.basisId));
  return db
    .select({
      basis: bases,
      agency: agencyRef,
      recordedBy: recorderRef,
      revokedBy: revokerRef,
    })
    .from(bases)
    .innerJoin(schema.agencies, eq(schema.agencies.id, bases.agencyId))
    .innerJoin(recorder, eq(recorder.id, bases.recordedBy))
    .leftJoin(revoker, eq(revoker.id, bases.revokedBy))
    .where(and(...filters))
    .orderBy(desc(bases.createdAt), desc(bases.id));
}

export type SharingBasisRecord = Awaited<ReturnType<typeof findSharingBases>>[number];

/** A case's secrecy releases with the names the presenter needs, newest first. */
export function findSecrecyReleases(
  db: Executor,
  where: { caseId: string; agencyId?: string | null; releaseId?: string },
) {
  const releases = schema.secrecyReleases;
  const filters: SQL[] = [eq(releases.caseId, where.caseId)];
  if (where.agencyId) filters.push(eq(releases.agencyId, where.agencyId));
  if (where.releaseId) filters.push(eq(releases.id, where.releaseId));
  return db
    .select({
      release: releases,
      agency: agencyRef,
      recordedBy: recorderRef,
      revokedBy: revokerRef,
    })
    .from(releases)
    .innerJoin(schema.agencies, eq(schema.agencies.id, releases.agencyId))
    .innerJoin(recorder, eq(recorder.id, releases.recordedBy))
    .leftJoin(revoker, eq(revoker.id, releases.revokedBy))
    .where(and(...filters))
    .orderBy(desc(releases.createdAt), desc(releases.id));
}

export type SecrecyReleaseRecord = Awaited<ReturnType<typeof findSecrecyReleases>>[number];
