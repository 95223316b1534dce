import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import de from "./de.json";

export const LANGUAGES = ["de", "en"] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = "rt-language";

function storedLanguage(): Language {
  const value = globalThis.localStorage?.getItem(STORAGE_KEY);
  return value === "en" ? "en" : "de";
}

let englishLoaded = false;

/**
 * English is loaded only by those who choose it; German, the default, ships with every
 * page. (Pages that load late add their own texts in both languages, so whether an
 * English bundle exists says nothing about whether these texts are there.)
 */
async function loadLanguage(language: Language): Promise<void> {
  if (language === "de" || englishLoaded) return;
  const english = (await import("./en.json")).default;
  i18next.addResourceBundle("en", "translation", english, true);
  englishLoaded = true;
}

/** Changes the UI language once its texts are there, so nothing shows untranslated keys. */
export async function switchLanguage(language: Language): Promise<void> {
  await loadLanguage(language);
  await i18next.changeLanguage(language);
}

export async function setupI18n(): Promise<void> {
  const language = storedLanguage();
  await i18next.use(initReactI18next).init({
    resources: { de: { translation: de } },
    partialBundledLanguages: true,
    lng: "de",
    fallbackLng: "de",
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  if (language !== "de") await switchLanguage(language);
  document.documentElement.lang = i18next.language;
  i18next.on("languageChanged", (language) => {
    document.documentElement.lang = language;
    localStorage.setItem(STORAGE_KEY, language);
  });
}

/** The locale for dates and numbers that matches the UI language. */
export function currentLocale(): string {
  return i18next.language === "en" ? "en-GB" : "de-DE";
}
