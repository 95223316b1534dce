import { CASE_THEMES } from "@runder-tisch/contracts";
import { useTranslation } from "react-i18next";

/**
 * The fields of action as options of a select, after one empty option (a filter's "all
 * themes" or a form's "please choose"): one list for filters, case forms and obstacles.
 */
export function ThemeOptions({ emptyLabel }: { emptyLabel: string }) {
  const { t } = useTranslation();
  return (
    <>
      <option value="">{emptyLabel}</option>
      {CASE_THEMES.map((theme) => (
        <option key={theme} value={theme}>
          {t(`theme.${theme}`)}
        </option>
      ))}
    </>
  );
}
