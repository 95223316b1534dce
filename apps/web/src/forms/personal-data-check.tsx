import type { TTextFinding } from "@runder-tisch/contracts";
import { applyReplacement, findPii, naturalReplacements } from "@runder-tisch/pii-guard";
import { useId } from "react";
import { useTranslation } from "react-i18next";

export interface PersonalDataState {
  findings: TTextFinding[];
  draft: Record<string, unknown>;
  replace(key: string, value: string): void;
  /** Absent where the server takes no reason: the findings can only be replaced. */
  reason?: string;
  setReason?(reason: string): void;
}

/** The findings in one field of the draft, with what can stand in their place. */
function FieldFindings({
  field,
  personalData,
}: {
  field: string;
  personalData: PersonalDataState;
}) {
  const { t } = useTranslation();
  const value = personalData.draft[field];
  if (typeof value !== "string") return null;
  const found = findPii(value);
  if (found.length === 0) return <li className="muted">{t("personalData.fieldClean")}</li>;
  return (
    <>
      {found.map((finding) => (
        <li key={`${field}-${finding.start}`}>
          <span className="badge badge-warn">{t(`pii.kind.${finding.kind}`)}</span> „{finding.text}“
          <span className="item-buttons">
            {naturalReplacements(value, finding).map((offer) => (
              <button
                key={offer.text}
                type="button"
                className="button-quiet"
                aria-label={t("pii.replaceLabel", { text: finding.text, placeholder: offer.text })}
                onClick={() => personalData.replace(field, applyReplacement(value, offer))}
              >
                {offer.text}
              </button>
            ))}
          </span>
        </li>
      ))}
    </>
  );
}

/**
 * Shown when the server refused a text because it may hold personal data: each finding
 * with replacements that keep the sentence readable, or a reason why it is not personal
 * data (recorded in the audit trail) to send it as it is.
 */
export function PersonalDataCheck({ personalData }: { personalData: PersonalDataState }) {
  const { t } = useTranslation();
  const reasonId = useId();
  const fields = [...new Set(personalData.findings.map((finding) => finding.where))];
  return (
    <fieldset className="personal-data-check">
      <legend>{t("personalData.title")}</legend>
      <ul className="pii-list">
        {fields.map((field) => (
          <FieldFindings key={field} field={field} personalData={personalData} />
        ))}
      </ul>
      {personalData.setReason ? (
        <>
          <label htmlFor={reasonId}>{t("personalData.reason")}</label>
          <textarea
            id={reasonId}
            rows={2}
            value={personalData.reason}
            onChange={(event) => personalData.setReason?.(event.target.value)}
          />
          <p className="muted">{t("personalData.reasonHint")}</p>
        </>
      ) : (
        <p className="muted">{t("personalData.replaceOnly")}</p>
      )}
    </fieldset>
  );
}
