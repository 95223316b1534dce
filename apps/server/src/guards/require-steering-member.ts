import type { FastifyRequest } from "fastify";
import type { DenialTarget } from "../audit/describe-denial.ts";
import { notFound } from "../errors.ts";
import type { Actor } from "../policies/actor.ts";
import { isSteeringMember } from "../policies/steering-membership.ts";
import { requireActor } from "../sessions/request-session.ts";
import { refuse } from "./record-denial.ts";

/**
 * The guard of every steering-group route. To anyone outside the group the routes
 * answer exactly like records that do not exist (a topic route like a missing topic),
 * and the attempt is audited.
 */
export async function requireSteeringMember(
  request: FastifyRequest,
  target: DenialTarget,
): Promise<Actor> {
  const actor = requireActor(request);
  if (!(await isSteeringMember(request.server.db, actor.userId))) {
    const what = target.targetType === "steering_topic" ? "Topic" : "Resource";
    throw await refuse(request, target, notFound(what));
  }
  return actor;
}
