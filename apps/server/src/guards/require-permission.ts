import type { TErrorReason } from "@runder-tisch/contracts";
import type { FastifyRequest } from "fastify";
import type { DenialTarget } from "../audit/describe-denial.ts";
import { forbidden } from "../errors.ts";
import type { Actor } from "../policies/actor.ts";
import { requireActor } from "../sessions/request-session.ts";
import { refuse } from "./record-denial.ts";

/**
 * The guard of administration routes: the signed-in actor, if `allowed` says
 * they may; otherwise a 403, recorded like every other refusal.
 */
export async function requirePermission(
  request: FastifyRequest,
  allowed: (actor: Actor) => boolean,
  target: DenialTarget,
  reason?: TErrorReason,
): Promise<Actor> {
  const actor = requireActor(request);
  if (!allowed(actor)) throw await refuse(request, target, forbidden(reason));
  return actor;
}
