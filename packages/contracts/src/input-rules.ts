/*
 * What a text or a date may be, decided once for the API and the conference document.
 *
 * Text:
 * no C0 or C1 control characters except tab and line breaks, and no half of a
 * UTF-16 surrogate pair without its partner. PostgreSQL refuses NUL in text and
 * jsonb, a lone surrogate cannot be encoded as UTF-8, and the others have no
 * meaning in a note but can hide text from a reader.
 */

// Tab (\u0009), line feed (\u000A) and carriage return (\u000D) are allowed.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// Without the u flag the pattern sees UTF-16 code units, so it can find a half without its partner.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isCleanText(value: string): boolean {
  return !CONTROL_CHARACTER.test(value) && !LONE_SURROGATE.test(value);
}

const CONTROL_CHARACTERS = new RegExp(CONTROL_CHARACTER.source, "g");
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, "g");

/**
 * The text with what `isCleanText` refuses taken out. For text that was typed into
 * the live document, where a keystroke cannot be refused: it is cleaned where it
 * leaves the document (minutes, the action table).
 */
export function cleanText(value: string): string {
  return value.replace(CONTROL_CHARACTERS, "").replace(LONE_SURROGATES, "\uFFFD");
}

/** Dates far outside the lives and files we keep are typing errors, and databases refuse some. */
export const PLAUSIBLE_YEARS = { from: 1900, before: 2200 } as const;

/** For `YYYY-MM-DD…` text: is the year within PLAUSIBLE_YEARS? */
export function hasPlausibleYear(isoDate: string): boolean {
  const year = Number(isoDate.slice(0, 4));
  return year >= PLAUSIBLE_YEARS.from && year < PLAUSIBLE_YEARS.before;
}
