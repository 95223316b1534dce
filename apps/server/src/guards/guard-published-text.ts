import type {
  TAuditTargetType as AuditTargetType,
  TPiiKind as PiiKind,
} from "@runder-tisch/contracts";
import { type Executor, schema } from "@runder-tisch/db";
import { checkMinutesText } from "../domain/minutes/pii-check.ts";
import { findPersonalData, type LocatedText } from "../domain/minutes/text-guard.ts";
import { unprocessable } from "../errors.ts";

/** A text published although the guard flagged it, and the writer's reason. */
export interface PersonalDataOverride {
  kinds: PiiKind[];
  reason: string;
}

/**
 * Text another agency will read passes the PII guard (the one the editor runs while people
 * type) before it is stored. A finding refuses the write (422 `personal_data_found`, with
 * the findings, so the form can show them) unless the writer says why it is not personal
 * data; then the answer is the override to record with the write.
 */
export function guardPublishedTexts(
  texts: readonly LocatedText[],
  notPersonalDataReason: string | undefined,
): PersonalDataOverride | null {
  const findings = findPersonalData(texts, checkMinutesText);
  if (findings.length === 0) return null;
  if (!notPersonalDataReason) {
    throw unprocessable(
      "personal_data_found",
      "The text may contain personal data. Replace it, or say why it is not personal data",
      { findings },
    );
  }
  const kinds = [...new Set(findings.map((finding) => finding.kind as PiiKind))];
  return { kinds, reason: notPersonalDataReason };
}

/**
 * The audit trail records that the guard was overridden and the kinds found; the reason
 * may itself name someone, so it stays with the case (and goes when the case goes).
 */
export const overrideAuditDetail = (override: PersonalDataOverride | null) =>
  override ? { personalDataOverride: { kinds: override.kinds } } : {};

type OverrideTarget = { caseId: string; targetType: AuditTargetType; targetId: string };

/**
 * The write, then (in its transaction) the reason beside what it published; `target`
 * names that from the write's result. Without an override it is the write as it is.
 */
export function storingOverride<Tx extends Executor, T>(
  override: PersonalDataOverride | null,
  actor: { userId: string; agencyId: string },
  write: (tx: Tx) => Promise<T>,
  target: (result: T) => OverrideTarget,
): (tx: Tx) => Promise<T> {
  if (!override) return write;
  return async (tx) => {
    const result = await write(tx);
    await tx.insert(schema.personalDataOverrides).values({
      ...target(result),
      kinds: override.kinds,
      reason: override.reason,
      userId: actor.userId,
      agencyId: actor.agencyId,
    });
    return result;
  };
}
