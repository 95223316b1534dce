import { checkMinutesText } from "../domain/minutes/pii-check.ts";
import { findPersonalData, type LocatedText } from "../domain/minutes/text-guard.ts";
import { unprocessable } from "../errors.ts";

/** What the audit entry of a write records when the writer published despite findings. */
export interface PersonalDataAudit {
  personalDataOverride?: { reason: string; kinds: string[] };
}

/**
 * Text another agency will read passes the PII guard (the one the editor runs while people
 * type) before it is stored. A finding refuses the write (422 `personal_data_found`, with
 * the findings, so the form can show them) unless the writer says why it is not personal
 * data; that reason, with the kinds found, goes into the audit entry of the write.
 */
export function guardPublishedTexts(
  texts: readonly LocatedText[],
  notPersonalDataReason: string | undefined,
): PersonalDataAudit {
  const findings = findPersonalData(texts, checkMinutesText);
  if (findings.length === 0) return {};
  if (!notPersonalDataReason) {
    throw unprocessable(
      "personal_data_found",
      "The text may contain personal data. Replace it, or say why it is not personal data",
      { findings },
    );
  }
  const kinds = [...new Set(findings.map((finding) => finding.kind))];
  return { personalDataOverride: { reason: notPersonalDataReason, kinds } };
}
