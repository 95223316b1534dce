import type { FastifyRequest } from "fastify";
import type { DenialTarget } from "../audit/describe-denial.ts";
import { notFound } from "../errors.ts";
import type { Actor } from "../policies/actor.ts";
import {
  maySeeWorkingGroup,
  type WorkingGroupStanding,
  workingGroupStanding,
} from "../policies/working-group-access.ts";
import { requireActor } from "../sessions/request-session.ts";
import { refuse } from "./record-denial.ts";

/** Who may pass: anyone who may see the group, only its members, or only the steering group. */
export type WorkingGroupRequirement = "see" | "member" | "steering";

const passes: Record<WorkingGroupRequirement, (standing: WorkingGroupStanding) => boolean> = {
  see: maySeeWorkingGroup,
  member: (standing) => standing.member,
  steering: (standing) => standing.steering,
};

/** Refused like the record the route names would be if it did not exist. */
const MISSING: Partial<Record<DenialTarget["targetType"], string>> = {
  working_group_meeting: "Meeting",
  steering_topic: "Topic",
  systemic_action: "Action",
};

/**
 * The guard of every working-group route. Someone who may not see the group gets the
 * answer of a group that does not exist; someone who sees it but may not do this
 * (a steering-group member writing into a group's work) gets the same, so no route
 * tells more than the group page does. Every refusal is audited.
 */
export async function requireWorkingGroup(
  request: FastifyRequest,
  workingGroupId: string,
  requirement: WorkingGroupRequirement,
  target: DenialTarget = { targetType: "working_group", targetId: workingGroupId },
): Promise<{ actor: Actor; standing: WorkingGroupStanding }> {
  const actor = requireActor(request);
  const standing = await workingGroupStanding(request.server.db, actor.userId, workingGroupId);
  if (!passes[requirement](standing)) {
    throw await refuse(request, target, notFound(MISSING[target.targetType] ?? "Working group"));
  }
  return { actor, standing };
}
