import type { FastifyRequest } from "fastify";
import { notFound } from "../errors.ts";
import type { Actor } from "../policies/actor.ts";
import { type CaseAccess, type CaseRow, findAccessibleCase } from "../policies/case-access.ts";
import { requireActor } from "../sessions/request-session.ts";
import { refuse } from "./record-denial.ts";

export interface CaseContext {
  actor: Actor;
  caseRow: CaseRow;
  access: CaseAccess;
}

/**
 * The guard every case-scoped route starts with. A case the agency may not see
 * answers exactly like one that does not exist, and the attempt is audited.
 */
export async function requireCaseAccess(
  request: FastifyRequest,
  caseId: string,
  options: { ownerOnly?: boolean } = {},
): Promise<CaseContext> {
  const actor = requireActor(request);
  const found = await findAccessibleCase(request.server.db, actor.agencyId, caseId);
  if (!found || (options.ownerOnly && !found.access.isOwner)) {
    const target = { targetType: "case", targetId: caseId, caseId: found ? caseId : null } as const;
    throw await refuse(request, target, notFound("Case"));
  }
  return { actor, ...found };
}
