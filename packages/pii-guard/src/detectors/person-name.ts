import {
  isAmbiguousFirstName,
  isAnyKnownName,
  isDeterminer,
  isDistinctiveSurname,
  isFirstName,
  isNonNameWord,
} from "../lexicon/lookup.ts";
import { type Detector, makeFinding } from "./finding.ts";
import { isInitial, isNameShaped, looksLikeNoun, type Token, tokenize } from "./tokens.ts";

const TITLES = new Set(["Herr", "Herrn", "Frau", "Familie", "Fam", "Hr", "Fr"]);
const ABBREVIATED_TITLES = new Set(["Fam", "Hr", "Fr"]);
const ACADEMIC = new Set(["Dr", "Prof", "med", "rer", "nat", "phil"]);
// Name particles, also capitalised at the start of a family name ("Frau El Amrani").
const PARTICLES = new Set([
  "von",
  "van",
  "de",
  "da",
  "del",
  "bin",
  "ibn",
  "abu",
  "ben",
  "ould",
  "al",
  "el",
]);
const isParticle = (word: string) => PARTICLES.has(word.toLowerCase());
const KINSHIP = new Set(
  "Sohn Tochter Bruder Schwester Cousin Cousine Onkel Tante Neffe Nichte Ehemann Ehefrau Mann Vater Mutter Kind Enkel Enkelin Partner Partnerin Verlobter Verlobte Freund Freundin".split(
    " ",
  ),
);
// "Name: …", "Mutter: …": a form field; the value is a name whatever it looks like.
const FIELD_LABELS = new Set([
  "Name",
  "Vorname",
  "Nachname",
  "Familienname",
  "Geburtsname",
  ...KINSHIP,
]);
const NAMING_VERBS = new Set(["namens", "heißt", "genannt"]);

type Strictness = "lexicon-only" | "name-shaped";

// Longer runs are lists of names, not one name; the cap also keeps the scan linear.
const MAX_NAME_TOKENS = 6;

/** Scans the tokens once; every rule proposes a token range, overlapping ranges are merged. */
class NameScanner {
  readonly ranges: [number, number][] = [];

  constructor(
    private readonly source: string,
    private readonly tokens: Token[],
  ) {}

  /** Only a space (or "Dr. " after an abbreviation) between two tokens keeps them one name. */
  adjacent(left: number, right: number): boolean {
    const a = this.tokens[left];
    const b = this.tokens[right];
    if (!a || !b) return false;
    const gap = this.source.slice(a.end, b.start);
    return gap === " " || (a.dot && gap === ". ");
  }

  word(index: number): string {
    return this.tokens[index]?.text ?? "";
  }

  /** A capitalised word that may be part of a name under the given strictness. */
  accepts(index: number, strictness: Strictness): boolean {
    const word = this.word(index);
    if (!isNameShaped(word)) return false;
    if (isAnyKnownName(word)) return true;
    return strictness === "name-shaped" && !isNonNameWord(word) && !looksLikeNoun(word);
  }

  /**
   * Reads a name starting at `from`; returns the index of its last token or -1. After a form
   * label the value is a full name, so one more name-shaped word may follow (`fullName`).
   */
  readName(from: number, strictness: Strictness, fullName = false): number {
    const first = this.tokens[from];
    if (!first) return -1;
    let last = from;
    if (isInitial(first)) {
      // "Herr K." alone is the allowed role; "A. Haddad" is a name.
      if (!this.adjacent(from, from + 1) || !this.accepts(from + 1, "name-shaped")) return -1;
      last = from + 1;
    } else if (isParticle(first.text) && this.adjacent(from, from + 1)) {
      if (!this.accepts(from + 1, "name-shaped")) return -1;
      last = from + 1;
    } else if (!this.accepts(from, strictness)) {
      return -1;
    }
    const givenName = isFirstName(this.word(last)) || isAmbiguousFirstName(first.text);
    return this.extendRight(last, fullName || givenName);
  }

  /** Adds family names, particles ("bin", "al") and, after a given name, name-shaped words. */
  extendRight(last: number, afterGivenName: boolean): number {
    let end = last;
    while (end - last < MAX_NAME_TOKENS) {
      const next = end + 1;
      if (!this.adjacent(end, next)) return end;
      const word = this.word(next);
      if (isParticle(word) && this.adjacent(next, next + 1) && isNameShaped(this.word(next + 1))) {
        end = next + 1;
      } else if (isNameShaped(word) && isAnyKnownName(word)) {
        end = next;
      } else if (afterGivenName && this.accepts(next, "name-shaped")) {
        end = next;
        afterGivenName = false;
      } else {
        return end;
      }
    }
    return end;
  }

  extendLeft(first: number): number {
    let start = first;
    while (first - start < MAX_NAME_TOKENS && this.adjacent(start - 1, start)) {
      const previous = this.tokens[start - 1];
      const word = previous?.text ?? "";
      const joins =
        (previous !== undefined && isInitial(previous)) ||
        isParticle(word) ||
        (ACADEMIC.has(word) && previous?.dot === true) ||
        (isNameShaped(word) && (isFirstName(word) || isAmbiguousFirstName(word)));
      if (!joins) break;
      start -= 1;
    }
    return start;
  }

  add(start: number, end: number) {
    if (end >= start) this.ranges.push([start, end]);
  }

  /** Herr Camara, Frau Dr. Yılmaz, Familie Haddad; "seine Frau" needs a lexicon hit. */
  salutation(index: number) {
    const word = this.word(index);
    const token = this.tokens[index];
    // "Dr. Ahmadi" without Herr/Frau: the academic title alone is a salutation.
    const isAcademicTitle = (word === "Dr" || word === "Prof") && token?.dot === true;
    if (!TITLES.has(word) && !isAcademicTitle) return;
    if (ABBREVIATED_TITLES.has(word) && !token?.dot) return;
    const afterArticle = this.adjacent(index - 1, index) && isDeterminer(this.word(index - 1));
    let from = isAcademicTitle ? index : index + 1;
    while (
      ACADEMIC.has(this.word(from)) &&
      this.tokens[from]?.dot &&
      this.adjacent(from - 1, from)
    ) {
      from += 1;
    }
    if (!this.adjacent(from - 1, from)) return;
    const end = this.readName(from, afterArticle ? "lexicon-only" : "name-shaped");
    if (end >= 0) this.add(index, end);
  }

  /** "Name: Khaled Al-Hassan", "namens Yusuf", "geb. Demir" (maiden name). */
  cue(index: number) {
    const word = this.word(index);
    const token = this.tokens[index];
    const next = this.tokens[index + 1];
    if (!token || !next) return;
    const gap = this.source.slice(token.end, next.start);
    const isField = FIELD_LABELS.has(word) && /^\s*:\s*$/.test(gap);
    const isVerb = NAMING_VERBS.has(word) && gap === " ";
    const isMaiden = word === "geb" && token.dot && gap === ". ";
    if (!isField && !isVerb && !isMaiden) return;
    this.add(index + 1, this.readName(index + 1, "name-shaped", true));
  }

  /** "Sohn Yusuf", "Tochter Rosa": a kinship word lets even word-like given names count. */
  kinship(index: number) {
    if (!KINSHIP.has(this.word(index)) || !this.adjacent(index, index + 1)) return;
    const end = this.readName(index + 1, "lexicon-only");
    if (end >= 0) this.add(index + 1, end);
  }

  /** Mohammed, Olena Kovalenko, Ousmane Sow: a distinctive lexicon name needs no cue. */
  lexicon(index: number) {
    const word = this.word(index);
    if (!isNameShaped(word) || isNonNameWord(word)) return;
    if (!isFirstName(word) && !isDistinctiveSurname(word)) return;
    // Already inside a name found from an earlier token: extending again would find nothing new.
    const previous = this.ranges.at(-1);
    if (previous && previous[0] <= index && index <= previous[1]) return;
    this.add(this.extendLeft(index), this.extendRight(index, isFirstName(word)));
  }

  merged(): [number, number][] {
    const sorted = [...this.ranges].sort((a, b) => a[0] - b[0] || b[1] - a[1]);
    const result: [number, number][] = [];
    for (const range of sorted) {
      const last = result.at(-1);
      if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
      else result.push([...range]);
    }
    return result;
  }
}

export const detectPersonNames: Detector = (source) => {
  const tokens = tokenize(source);
  const scanner = new NameScanner(source, tokens);
  for (let index = 0; index < tokens.length; index += 1) {
    scanner.salutation(index);
    scanner.cue(index);
    scanner.kinship(index);
    scanner.lexicon(index);
  }
  return scanner.merged().flatMap(([first, last]) => {
    const start = tokens[first]?.start;
    const end = tokens[last]?.end;
    return start === undefined || end === undefined
      ? []
      : [makeFinding(source, start, end, "person_name")];
  });
};
