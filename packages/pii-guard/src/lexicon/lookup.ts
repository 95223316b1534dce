import { AMBIGUOUS_FIRST_NAMES, FIRST_NAMES_BY_ORIGIN } from "./first-names.ts";
import { DETERMINERS, NON_NAME_WORDS } from "./non-names.ts";
import { GERMAN_SURNAMES, SURNAMES_BY_ORIGIN } from "./surnames.ts";

// Every rule looks words up several times; Unicode normalisation is the expensive part.
// Bounded, so a long document with many distinct words cannot grow it without limit.
const foldCache = new Map<string, string>();
const FOLD_CACHE_LIMIT = 20_000;

/** Case and diacritics folded, so "Yılmaz", "YILMAZ" and "Yilmaz" meet in one key. */
export function foldWord(word: string): string {
  const cached = foldCache.get(word);
  if (cached !== undefined) return cached;
  if (foldCache.size >= FOLD_CACHE_LIMIT) foldCache.clear();
  const folded = foldUncached(word);
  foldCache.set(word, folded);
  return folded;
}

function foldUncached(word: string): string {
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

// Endings no German word has but many family names do: South Slavic -ović/-ić (with the
// accent), Ukrainian -enko/-chuk, Polish -ski/-cka, Russian/Bulgarian -ov(a)/-ev(a), Afghan
// -zai/-zada, Turkish -oğlu, Armenian -yan. Checked on the unfolded word, diacritics matter.
// (-ow is left out: Pankow, Güstrow and other German towns end so.)
const SURNAME_ENDING =
  /^\p{Lu}\p{Ll}{2,}(?:ović|ević|ovic|evic|ić|enko|chuk|czuk|iuk|yuk|ski|ska|cki|cka|owa|ov|ova|eva|zai|zada|zadeh|oğlu|oglu|yan)$/u;
// German and loan words that end like that.
const NOT_SURNAMES = new Set(["alaska", "moldova", "casanova", "bratislava"].map(foldWord));

const FIRST = 1;
const AMBIGUOUS = 2;
const DISTINCTIVE = 4;
const GERMAN_SURNAME = 8;
const NON_NAME = 16;
const DETERMINER = 32;

function classify(word: string): number {
  const key = foldWord(word);
  const parts = key.split("-");
  let flags = 0;
  // Joined given names ("Hans-Peter") count when every part is a given name.
  if (firstNames.has(key) || (parts.length > 1 && parts.every((part) => firstNames.has(part)))) {
    flags |= FIRST;
  }
  if (ambiguousFirstNames.has(key)) flags |= AMBIGUOUS;
  // Hyphenated family names of known parts ("Asante-Darko", "Mensah-Bonsu").
  if (
    surnames.has(key) ||
    (parts.length > 1 && parts.some((part) => surnames.has(part))) ||
    (word.length >= 5 && SURNAME_ENDING.test(word) && !NOT_SURNAMES.has(key))
  ) {
    flags |= DISTINCTIVE;
  }
  if (germanSurnames.has(key)) flags |= GERMAN_SURNAME;
  if (nonNames.has(key)) flags |= NON_NAME;
  if (determiners.has(key)) flags |= DETERMINER;
  return flags;
}

// The name rules ask about the same token many times; a bounded cache answers once per word.
const classCache = new Map<string, number>();
function flagsOf(word: string): number {
  let flags = classCache.get(word);
  if (flags === undefined) {
    if (classCache.size >= FOLD_CACHE_LIMIT) classCache.clear();
    flags = classify(word);
    classCache.set(word, flags);
  }
  return flags;
}

/** Given name that counts on its own (Mohammed, Olena), also joined ones (Hans-Peter). */
export const isFirstName = (word: string) => (flagsOf(word) & FIRST) !== 0;
/** Given name that is also a German word (Nur, Ernst): only next to another name or a cue. */
export const isAmbiguousFirstName = (word: string) => (flagsOf(word) & AMBIGUOUS) !== 0;
/** Family name distinctive enough to count on its own (Camara, Yılmaz, Kovalenko, Ilić). */
export const isDistinctiveSurname = (word: string) => (flagsOf(word) & DISTINCTIVE) !== 0;
/** Any name in any list, including word-like German family names. */
export const isAnyKnownName = (word: string) =>
  (flagsOf(word) & (FIRST | AMBIGUOUS | DISTINCTIVE | GERMAN_SURNAME)) !== 0;
export const isNonNameWord = (word: string) => (flagsOf(word) & NON_NAME) !== 0;
export const isDeterminer = (word: string) => (flagsOf(word) & DETERMINER) !== 0;

/** Sizes for the report, so the docs say how large the lexicons really are. */
export const lexiconSizes = () => ({
  firstNames: firstNames.size,
  ambiguousFirstNames: ambiguousFirstNames.size,
  surnames: surnames.size,
  germanSurnames: germanSurnames.size,
});
