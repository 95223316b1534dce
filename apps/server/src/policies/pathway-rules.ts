import type { Actor } from "./actor.ts";
import type { CaseAccess } from "./case-access.ts";

/**
 * Who does what with residence pathway checklists. Every agency that may see a case
 * reads its checklists (they are case data under the one access rule). Statuses are set
 * by the owning agency, which runs the case, and by the immigration office, whose
 * judgement they anticipate; other partners read them, and their word reaches the
 * checklist through the conference. The cohort across cases is the immigration office's.
 */
export const isImmigrationOffice = (actor: Actor) => actor.agencyKind === "auslaenderbehoerde";

export const canEditPathwayChecklist = (actor: Actor, access: CaseAccess) =>
  access.isOwner || isImmigrationOffice(actor);

export const canSeePathwayCohort = isImmigrationOffice;

/** The immigration office's coordinators name the other agencies that may edit templates. */
export const canNameTemplateEditors = (actor: Actor) =>
  actor.role === "coordinator" && isImmigrationOffice(actor);

/** Coordinators of the immigration office, and of agencies it named. */
export const canEditPathwayTemplates = (actor: Actor, agencyNamed: boolean) =>
  actor.role === "coordinator" && (isImmigrationOffice(actor) || agencyNamed);
