import { useTranslation } from "react-i18next";
import { switchLanguage } from "../i18n/index.ts";

/** Switches between German and English; each option is labelled in its own language. */
export function LanguageSwitch() {
  const { i18n, t } = useTranslation();
  const next = i18n.language === "en" ? "de" : "en";
  return (
    <button
      type="button"
      className="button-quiet"
      lang={next}
      onClick={() => void switchLanguage(next)}
    >
      {t("language.switchTo")}
    </button>
  );
}
