import type { TClientText } from "@runder-tisch/contracts";
import type { ClientLanguage } from "@runder-tisch/contracts/vocabulary";
import { CATALOGUES, type CatalogueKey, GERMAN } from "./catalogue/index.ts";
import { CLIENT_LANGUAGE_SETTINGS, formatClientDate } from "./client-languages.ts";

/** A value put into a sentence: a date is written in the sentence's language. */
export type Fill = string | { day: string };

/**
 * The one way a client document gets its words: catalogue entries in the
 * chosen language (German, marked, where the language lacks one), German free
 * text marked as not translated, and names as they are.
 */
export function createTranslator(language: ClientLanguage) {
  const own = CATALOGUES[language];
  const { tag } = CLIENT_LANGUAGE_SETTINGS[language];

  const fill = (wording: string, into: ClientLanguage, values: Record<string, Fill>) =>
    wording.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
      const value = values[name];
      if (value === undefined) return placeholder;
      if (typeof value !== "string") return formatClientDate(value.day, into);
      // A German name or norm in an Arabic sentence keeps its own order ("§ 69 Abs. 1 SGB X"):
      // first-strong isolate, which browsers and the PDF text layer both honour.
      return CLIENT_LANGUAGE_SETTINGS[into].dir === "rtl" ? `\u2068${value}\u2069` : value;
    });

  const mark = (kind: "not_translated" | "translation_missing"): TClientText["mark"] => {
    const wording = own[`mark.${kind}`];
    return wording === undefined
      ? { kind, text: GERMAN[`mark.${kind}`], lang: "de" }
      : { kind, text: wording, lang: tag };
  };

  return {
    language,
    dir: CLIENT_LANGUAGE_SETTINGS[language].dir,
    /** A catalogue entry with its {placeholders} filled in. */
    t(key: CatalogueKey, values: Record<string, Fill> = {}): TClientText {
      const wording = own[key];
      if (wording !== undefined) return { text: fill(wording, language, values), lang: tag };
      const german = { text: fill(GERMAN[key], "de", values), lang: "de" };
      return language === "de" ? german : { ...german, mark: mark("translation_missing") };
    },
    /** Text written in German at the conference (a goal, an action): shown as written. */
    german(text: string): TClientText {
      return language === "de"
        ? { text, lang: "de" }
        : { text, lang: "de", mark: mark("not_translated") };
    },
    /** A name (an agency, a case code) is the same in every language. */
    name(text: string): TClientText {
      return { text, lang: "de" };
    },
    date(day: string): TClientText {
      return { text: formatClientDate(day, language), lang: tag };
    },
  };
}

export type Translator = ReturnType<typeof createTranslator>;
