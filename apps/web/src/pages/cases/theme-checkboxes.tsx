import { SPECIAL_CATEGORY_THEMES, type TCaseTheme } from "@runder-tisch/contracts";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { useThemes } from "../../components/use-themes.ts";

/**
 * The fields of action a case touches; themes that reveal health data say so. Offered
 * themes, and any the case already has though the Kreis switched it off since.
 */
export function ThemeCheckboxes({
  value,
  onChange,
}: {
  value: TCaseTheme[];
  onChange(next: TCaseTheme[]): void;
}) {
  const { t } = useTranslation();
  const themes = useThemes();
  const hintId = useId();
  const listed = themes.all.filter((theme) => theme.active || value.includes(theme.key));
  return (
    <fieldset aria-describedby={hintId}>
      <legend>{t("newCase.themes")}</legend>
      <p className="field-hint" id={hintId}>
        {t("newCase.themesHint")}
      </p>
      <div className="check-grid">
        {listed.map(({ key }) => (
          <label key={key} className="check">
            <input
              type="checkbox"
              checked={value.includes(key)}
              onChange={(event) =>
                onChange(
                  event.target.checked ? [...value, key] : value.filter((item) => item !== key),
                )
              }
            />
            {themes.label(key)}
            {SPECIAL_CATEGORY_THEMES.includes(key) ? (
              <span className="muted"> ({t("newCase.specialTheme")})</span>
            ) : null}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
