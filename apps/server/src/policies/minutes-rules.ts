import type { Actor } from "./actor.ts";
import type { CaseAccess } from "./case-access.ts";

/**
 * Finalising signs the minutes off for every agency, so it is the owning
 * agency's coordinator who does it; members of the owner may run the meeting.
 */
export const canFinaliseConference = (actor: Actor, access: CaseAccess) =>
  access.isOwner && actor.role === "coordinator";

/** Only a concluded conference can be finalised: the meeting must be over first. */
export const canFinaliseFrom = (status: string) => status === "concluded";

/**
 * A PII finding blocks finalising unless the coordinator gives a written reason;
 * the reason is part of the frozen minutes and the override is audited.
 */
export const mayFinaliseDespite = (findingCount: number, overrideReason: string | undefined) =>
  findingCount === 0 || (overrideReason !== undefined && overrideReason.length > 0);
