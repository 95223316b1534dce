import type { TDisputeTargetType } from "@runder-tisch/contracts";
import { schema } from "@runder-tisch/db";
import { eq } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import { notFound } from "../errors.ts";
import type { Actor } from "../policies/actor.ts";
import { findAccessibleCase } from "../policies/case-access.ts";
import { canMarkDisputed } from "../policies/retention-rules.ts";
import { requireActor } from "../sessions/request-session.ts";
import { refuse } from "./record-denial.ts";

const LABEL: Record<TDisputeTargetType, string> = {
  case: "Case",
  minutes: "Minutes",
  action_comment: "Comment",
};

/** The case a dispute target belongs to, or null when there is no such entry. */
async function caseOfTarget(request: FastifyRequest, type: TDisputeTargetType, id: string) {
  const db = request.server.db;
  if (type === "case") return id;
  if (type === "minutes") {
    const [row] = await db
      .select({ caseId: schema.minutesVersions.caseId })
      .from(schema.minutesVersions)
      .where(eq(schema.minutesVersions.id, id));
    return row?.caseId ?? null;
  }
  const [row] = await db
    .select({ caseId: schema.actions.caseId })
    .from(schema.actionComments)
    .innerJoin(schema.actions, eq(schema.actions.id, schema.actionComments.actionId))
    .where(eq(schema.actionComments.id, id));
  return row?.caseId ?? null;
}

/**
 * Marking an entry as disputed is the owning agency's job. Any other caller
 * gets the same 404 as for an entry that does not exist, and is audited.
 */
export async function requireDisputeTarget(
  request: FastifyRequest,
  type: TDisputeTargetType,
  id: string,
): Promise<{ actor: Actor; caseId: string }> {
  const actor = requireActor(request);
  const caseId = await caseOfTarget(request, type, id);
  const found = caseId ? await findAccessibleCase(request.server.db, actor.agencyId, caseId) : null;
  if (!caseId || !found || !canMarkDisputed(found.access)) {
    const target = { targetType: type, targetId: id, caseId: found ? caseId : null };
    throw await refuse(request, target, notFound(LABEL[type]));
  }
  return { actor, caseId };
}
