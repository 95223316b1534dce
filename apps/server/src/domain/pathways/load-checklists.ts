import type { TAgencyRef, TPathwayChecklist, TUserRef } from "@runder-tisch/contracts";
import { type Executor, schema } from "@runder-tisch/db";
import { and, asc, eq, inArray } from "drizzle-orm";

/**
 * The checklists of a case as every agency that may see it reads them: the template
 * version each started with, each prerequisite's status with who set it and when, the
 * linked action, and the history. A fixed number of queries however many checklists.
 */
export async function loadCaseChecklists(
  db: Executor,
  caseId: string,
  only?: { checklistId: string },
): Promise<TPathwayChecklist[]> {
  const checklists = await db
    .select({ checklist: schema.pathwayChecklists, template: schema.pathwayTemplates })
    .from(schema.pathwayChecklists)
    .innerJoin(
      schema.pathwayTemplates,
      eq(schema.pathwayTemplates.id, schema.pathwayChecklists.templateId),
    )
    .where(
      and(
        eq(schema.pathwayChecklists.caseId, caseId),
        only ? eq(schema.pathwayChecklists.id, only.checklistId) : undefined,
      ),
    )
    .orderBy(asc(schema.pathwayChecklists.createdAt));
  if (checklists.length === 0) return [];
  const ids = checklists.map((row) => row.checklist.id);
  const statuses = await db
    .select({
      status: schema.pathwayStatuses,
      action: {
        id: schema.actions.id,
        title: schema.actions.title,
        status: schema.actions.status,
      },
    })
    .from(schema.pathwayStatuses)
    .leftJoin(schema.actions, eq(schema.actions.id, schema.pathwayStatuses.actionId))
    .where(inArray(schema.pathwayStatuses.checklistId, ids));
  const events = await db
    .select()
    .from(schema.pathwayStatusEvents)
    .where(inArray(schema.pathwayStatusEvents.checklistId, ids))
    .orderBy(asc(schema.pathwayStatusEvents.createdAt), asc(schema.pathwayStatusEvents.id));
  const names = await loadRefs(db, {
    userIds: [
      ...checklists.map((row) => row.checklist.startedBy),
      ...statuses.map((row) => row.status.setBy),
      ...events.map((row) => row.actorId),
    ],
    agencyIds: [
      ...checklists.map((row) => row.checklist.startedByAgencyId),
      ...statuses.map((row) => row.status.setByAgencyId),
      ...events.map((row) => row.agencyId),
    ],
  });

  return checklists.map(({ checklist, template }) => {
    const own = statuses.filter((row) => row.status.checklistId === checklist.id);
    const items = template.prerequisites.map((prerequisite) => {
      const found = own.find((row) => row.status.prerequisiteKey === prerequisite.key);
      return {
        key: prerequisite.key,
        de: prerequisite.de,
        en: prerequisite.en,
        hintDe: prerequisite.hintDe ?? null,
        hintEn: prerequisite.hintEn ?? null,
        actionTitleDe: prerequisite.actionTitleDe,
        status: found?.status.status ?? null,
        setAt: found?.status.setAt.toISOString() ?? null,
        setBy: names.user(found?.status.setBy ?? null),
        setByAgency: found ? names.agency(found.status.setByAgencyId) : null,
        action: found?.action ?? null,
      };
    });
    return {
      id: checklist.id,
      caseId: checklist.caseId,
      pathwayKey: checklist.pathwayKey,
      norm: template.norm,
      titleDe: template.titleDe,
      titleEn: template.titleEn,
      templateVersion: template.version,
      startedAt: checklist.createdAt.toISOString(),
      startedBy: names.user(checklist.startedBy),
      startedByAgency: names.agency(checklist.startedByAgencyId),
      items,
      metCount: items.filter((item) => item.status === "met").length,
      applicableCount: items.filter((item) => item.status !== "not_applicable").length,
      history: events
        .filter((event) => event.checklistId === checklist.id)
        .map((event) => ({
          prerequisiteKey: event.prerequisiteKey,
          from: event.fromStatus,
          to: event.toStatus,
          by: names.user(event.actorId),
          agency: names.agency(event.agencyId),
          at: event.createdAt.toISOString(),
        })),
    };
  });
}

/** Names of the people and agencies a checklist mentions, in two queries. */
async function loadRefs(db: Executor, wanted: { userIds: (string | null)[]; agencyIds: string[] }) {
  const userIds = [...new Set(wanted.userIds.filter((id): id is string => id !== null))];
  const agencyIds = [...new Set(wanted.agencyIds)];
  const users = userIds.length
    ? await db
        .select({ id: schema.users.id, displayName: schema.users.displayName })
        .from(schema.users)
        .where(inArray(schema.users.id, userIds))
    : [];
  const agencies = agencyIds.length
    ? await db
        .select({ id: schema.agencies.id, name: schema.agencies.name })
        .from(schema.agencies)
        .where(inArray(schema.agencies.id, agencyIds))
    : [];
  const userById = new Map(users.map((user) => [user.id, user]));
  const agencyById = new Map(agencies.map((agency) => [agency.id, agency]));
  return {
    user: (id: string | null): TUserRef | null => (id ? (userById.get(id) ?? null) : null),
    agency: (id: string): TAgencyRef => agencyById.get(id) ?? { id, name: "" },
  };
}
