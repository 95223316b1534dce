import { CASE_THEMES, SPECIAL_CATEGORY_THEMES, type TCaseTheme } from "@runder-tisch/contracts";
import { useId } from "react";
import { useTranslation } from "react-i18next";

/** The fields of action a case touches; themes that reveal health data say so. */
export function ThemeCheckboxes({
  value,
  onChange,
}: {
  value: TCaseTheme[];
  onChange(next: TCaseTheme[]): void;
}) {
  const { t } = useTranslation();
  const hintId = useId();
  return (
    <fieldset aria-describedby={hintId}>
      <legend>{t("newCase.themes")}</legend>
      <p className="field-hint" id={hintId}>
        {t("newCase.themesHint")}
      </p>
      <div className="check-grid">
        {CASE_THEMES.map((theme) => (
          <label key={theme} className="check">
            <input
              type="checkbox"
              checked={value.includes(theme)}
              onChange={(event) =>
                onChange(
                  event.target.checked ? [...value, theme] : value.filter((item) => item !== theme),
                )
              }
            />
            {t(`theme.${theme}`)}
            {SPECIAL_CATEGORY_THEMES.includes(theme) ? (
              <span className="muted"> ({t("newCase.specialTheme")})</span>
            ) : null}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
