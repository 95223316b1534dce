import type { Actor } from "./actor.ts";
import { isPlatformAdmin } from "./administration.ts";

/**
 * The evaluation is for the steering group: the coordinators of the agencies (of any
 * agency, since it shows only withheld-where-small counts of the whole Kreis, which
 * name no case) and the platform admin. Members work on cases and have no need of it.
 */
export const canSeeEvaluation = (actor: Actor) =>
  isPlatformAdmin(actor) || actor.role === "coordinator";
