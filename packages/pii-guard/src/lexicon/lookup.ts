import { AMBIGUOUS_FIRST_NAMES, FIRST_NAMES_BY_ORIGIN } from "./first-names.ts";
import { DETERMINERS, NON_NAME_WORDS } from "./non-names.ts";
import { GERMAN_SURNAMES, SURNAMES_BY_ORIGIN } from "./surnames.ts";

/** Case and diacritics folded, so "Yılmaz", "YILMAZ" and "Yilmaz" meet in one key. */
export function foldWord(word: string): string {
  return word
    .toLowerCase()
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/ı/g, "i")
    .replace(/ł/g, "l")
    .replace(/đ/g, "d");
}

const toSet = (...lists: string[]) =>
  new Set(lists.flatMap((list) => list.split(/\s+/).filter(Boolean)).map(foldWord));

const firstNames = toSet(...Object.values(FIRST_NAMES_BY_ORIGIN));
const ambiguousFirstNames = toSet(AMBIGUOUS_FIRST_NAMES);
const surnames = toSet(...Object.values(SURNAMES_BY_ORIGIN));
const germanSurnames = toSet(GERMAN_SURNAMES);
const nonNames = toSet(NON_NAME_WORDS);
const determiners = toSet(DETERMINERS);

/** Given name that counts on its own (Mohammed, Olena). */
export const isFirstName = (word: string) => firstNames.has(foldWord(word));
/** Given name that is also a German word (Nur, Ernst): only next to another name or a cue. */
export const isAmbiguousFirstName = (word: string) => ambiguousFirstNames.has(foldWord(word));
/** Family name distinctive enough to count on its own (Camara, Yılmaz, Kovalenko). */
export const isDistinctiveSurname = (word: string) => surnames.has(foldWord(word));
/** Any name in any list, including word-like German family names. */
export function isAnyKnownName(word: string): boolean {
  const key = foldWord(word);
  return (
    firstNames.has(key) ||
    ambiguousFirstNames.has(key) ||
    surnames.has(key) ||
    germanSurnames.has(key)
  );
}
export const isNonNameWord = (word: string) => nonNames.has(foldWord(word));
export const isDeterminer = (word: string) => determiners.has(foldWord(word));

/** Sizes for the report, so the docs say how large the lexicons really are. */
export const lexiconSizes = () => ({
  firstNames: firstNames.size,
  ambiguousFirstNames: ambiguousFirstNames.size,
  surnames: surnames.size,
  germanSurnames: germanSurnames.size,
});
