import type { ClientLanguage } from "@runder-tisch/contracts/vocabulary";

/**
 * How each language is written and how its dates look. Dates always use the
 * Gregorian calendar (the one of the German offices' letters), in the
 * language's own month names and digits.
 */
export const CLIENT_LANGUAGE_SETTINGS: Record<
  ClientLanguage,
  { tag: string; dir: "ltr" | "rtl"; locale: string }
> = {
  de: { tag: "de", dir: "ltr", locale: "de-DE" },
  ar: { tag: "ar", dir: "rtl", locale: "ar" },
  uk: { tag: "uk", dir: "ltr", locale: "uk-UA" },
  fa: { tag: "fa", dir: "rtl", locale: "fa" },
  ti: { tag: "ti", dir: "ltr", locale: "ti" },
  tr: { tag: "tr", dir: "ltr", locale: "tr-TR" },
  ru: { tag: "ru", dir: "ltr", locale: "ru-RU" },
  fr: { tag: "fr", dir: "ltr", locale: "fr-FR" },
  en: { tag: "en", dir: "ltr", locale: "en-GB" },
};

/** "2027-01-16" as a long date in the language ("16. Januar 2027", "16 يناير 2027"). */
export function formatClientDate(day: string, language: ClientLanguage): string {
  const { locale } = CLIENT_LANGUAGE_SETTINGS[language];
  // Noon UTC is the same calendar day in Berlin all year round.
  return new Intl.DateTimeFormat(locale, {
    dateStyle: "long",
    calendar: "gregory",
    timeZone: "Europe/Berlin",
  }).format(new Date(`${day}T12:00:00Z`));
}
