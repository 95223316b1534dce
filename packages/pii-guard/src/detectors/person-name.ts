import {
  isAmbiguousFirstName,
  isAnyKnownName,
  isDeterminer,
  isDistinctiveSurname,
  isFirstName,
  isNonNameWord,
} from "../lexicon/lookup.ts";
import { type Detector, makeFinding } from "./finding.ts";
import {
  isCapsWord,
  isInitial,
  isNameShaped,
  looksForeign,
  looksLikeNoun,
  type Token,
  tokenize,
} from "./tokens.ts";

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
  "di",
  "du",
  "dos",
  "ter",
]);
// The second word of a two-word particle: "van den Berg", "von der Heide", "de la Cruz".
const PARTICLE_ARTICLES = new Set(["der", "den", "la", "le", "los"]);
// Typed in lower case ("Rückmeldung von frau yilmaz"): only a lexicon name after it makes it a name.
const LOWERCASE_TITLES = new Set(["herr", "herrn", "frau", "familie"]);
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
// "Name laut Pass:", "Name (laut Duldung):", "Name im AZR:": the label may name its source.
const FIELD_SOURCE = /^\s*\(?(?:(?:laut|lt\.|im|in der|gemäß|nach)\s+[\p{L}-]+)?\)?\s*:\s*/u;
// Lists of people: "Verteiler: Becker, Okafor, Jovanović", "Kinder: Elif (2014) und Emir".
const LIST_LABELS = new Set(
  "Verteiler Anwesend Anwesende Teilnehmende Teilnehmer Teilnehmerinnen Entschuldigt Abwesend Protokoll Protokollführung Moderation Gäste Kinder Geschwister Eltern Zuständig Ansprechpartner Ansprechpartnerin Kopie".split(
    " ",
  ),
);
// A list ends at a sentence end; the dot of an initial ("K.-H. Meier") does not end it.
const LIST_END = /(?<![\s.-]\p{Lu})\.(?:\s|$)|[;\n]/u;
const LIST_SEPARATOR = /\s*(?:,|\bund\b|\bsowie\b|\/)\s*/gu;
// One list item: an optional initial, then one to three capitalised words.
const LIST_ITEM =
  /^(?:\p{Lu}\.(?:-\p{Lu}\.)? ?)?\p{Lu}[\p{L}\p{M}'’-]*(?: \p{Lu}[\p{L}\p{M}'’-]*){0,2}$/u;
// "Samirs Vater", "Zehras Lehrerin": a possessive before a relation is a given name.
const POSSESSED = new Set([
  ...KINSHIP,
  ..."Eltern Geschwister Kinder Familie Frau Lehrer Lehrerin Klassenlehrer Klassenlehrerin Betreuer Betreuerin Vormund Vormundin Arbeitgeber Arbeitgeberin Ausbilder Ausbilderin Anwalt Anwältin Ärztin Arzt Therapeutin Therapeut Kita Schule Klasse Wohnung Zimmer Pass Duldung Antrag Akte Termin Zeugnis".split(
    " ",
  ),
]);

type Strictness = "lexicon-only" | "name-shaped";

// Longer runs are lists of names, not one name; the cap also keeps the scan linear.
const MAX_NAME_TOKENS = 6;

/** Scans the tokens once; every rule proposes a token range, overlapping ranges are merged. */
class NameScanner {
  readonly ranges: [number, number][] = [];
  /** Spans that do not end at a token boundary (possessives) or come from a list. */
  readonly charSpans: [number, number][] = [];

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
  accepts(index: number, strictness: Strictness, caps = false): boolean {
    const word = this.word(index);
    // Names printed in capitals, as in passports ("DIALLO Mamadou"), only in a form field.
    if (caps && isCapsWord(word)) return !isNonNameWord(word);
    if (!isNameShaped(word)) return false;
    if (isAnyKnownName(word)) return true;
    return strictness === "name-shaped" && !isNonNameWord(word) && !looksLikeNoun(word);
  }

  /**
   * Reads a name starting at `from`; returns the index of its last token or -1. `extra` is
   * how many words outside the lexicon may follow: one after a salutation or a given name
   * ("Frau Snežana Ilić"), more in a form field, whose value is a full name (`caps` also
   * admits words in capitals there).
   */
  readName(from: number, strictness: Strictness, extra = 0, caps = false): number {
    const first = this.tokens[from];
    if (!first) return -1;
    let last = from;
    if (isInitial(first)) {
      // "Herr K." alone is the allowed role; "A. Haddad" and "K.-H. Meier" are names.
      let initial = from;
      if (this.isDoubleInitial(from)) initial = from + 1;
      if (!this.adjacent(initial, initial + 1) || !this.accepts(initial + 1, "name-shaped", caps)) {
        return -1;
      }
      last = initial + 1;
    } else if (isParticle(first.text) && this.adjacent(from, from + 1)) {
      let surname = from + 1;
      if (PARTICLE_ARTICLES.has(this.word(surname)) && this.adjacent(surname, surname + 1)) {
        surname += 1;
      }
      if (!this.accepts(surname, "name-shaped")) return -1;
      last = surname;
    } else if (!this.accepts(from, strictness, caps)) {
      return -1;
    }
    const givenName = isFirstName(this.word(last)) || isAmbiguousFirstName(first.text);
    return this.extendRight(last, Math.max(extra, givenName ? 1 : 0), caps);
  }

  /** "K.-H.": two initials joined by a hyphen. */
  isDoubleInitial(index: number): boolean {
    const a = this.tokens[index];
    const b = this.tokens[index + 1];
    return (
      a !== undefined &&
      b !== undefined &&
      isInitial(a) &&
      isInitial(b) &&
      this.source.slice(a.end, b.start) === ".-"
    );
  }

  /** Adds family names, particles ("bin", "al") and up to `extra` words outside the lexicon. */
  extendRight(last: number, extra: number, caps = false): number {
    let end = last;
    let unknown = extra;
    while (end - last < MAX_NAME_TOKENS) {
      const next = end + 1;
      if (!this.adjacent(end, next)) return end;
      const word = this.word(next);
      if (isParticle(word) && this.adjacent(next, next + 1) && isNameShaped(this.word(next + 1))) {
        end = next + 1;
      } else if (isNameShaped(word) && isAnyKnownName(word)) {
        end = next;
      } else if (unknown > 0 && this.accepts(next, "name-shaped", caps)) {
        end = next;
        unknown -= 1;
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
    // "seine Frau Amina" needs the lexicon; "die Familie Gebreyesus" does not: a family is not
    // anyone's possession, and the nouns that may follow it are filtered.
    const strict = afterArticle && word !== "Familie";
    const end = this.readName(from, strict ? "lexicon-only" : "name-shaped", strict ? 0 : 1);
    if (end >= 0) this.add(index, end);
  }

  /** "frau yilmaz", "herr camara": a lower-case salutation before a lexicon name. */
  lowercaseSalutation(index: number) {
    if (!LOWERCASE_TITLES.has(this.word(index))) return;
    let end = index;
    while (end - index < 3 && this.adjacent(end, end + 1)) {
      const word = this.word(end + 1);
      if (!/^\p{Ll}/u.test(word) || isDeterminer(word) || !isAnyKnownName(word)) break;
      end += 1;
    }
    if (end > index) this.add(index, end);
  }

  /** "Name: Khaled Al-Hassan", "namens Yusuf", "geb. Demir" (maiden name). */
  cue(index: number) {
    const word = this.word(index);
    const token = this.tokens[index];
    const next = this.tokens[index + 1];
    if (!token || !next) return;
    const gap = this.source.slice(token.end, next.start);
    const isVerb = NAMING_VERBS.has(word) && gap === " ";
    const isMaiden = word === "geb" && token.dot && gap === ". ";
    if (isVerb || isMaiden) {
      this.add(index + 1, this.readName(index + 1, "name-shaped", 1));
      return;
    }
    if (!FIELD_LABELS.has(word)) return;
    const label = FIELD_SOURCE.exec(this.source.slice(token.end, token.end + 40));
    if (!label) return;
    const valueStart = token.end + label[0].length;
    let value = index + 1;
    while (value - index < 5 && (this.tokens[value]?.start ?? valueStart) < valueStart) value += 1;
    if (this.tokens[value]?.start !== valueStart) return;
    this.add(value, this.readName(value, "name-shaped", 3, true));
  }

  /** "KAMARA, Ibrahim": family name in capitals, comma, given name, as in official papers. */
  capsCommaName(index: number) {
    const word = this.word(index);
    const next = this.tokens[index + 1];
    const token = this.tokens[index];
    if (!token || !next || !isCapsWord(word) || isNonNameWord(word)) return;
    if (this.source.slice(token.end, next.start) !== ", ") return;
    if (!this.accepts(index + 1, "name-shaped")) return;
    if (!isAnyKnownName(word) && !isFirstName(next.text)) return;
    this.add(index, this.extendRight(index + 1, 0));
  }

  /** "M. Tesfaldet", "K.-H. Meier" after a verb, a colon or at the start of a line. */
  initialWithName(index: number) {
    const token = this.tokens[index];
    if (!token || !isInitial(token)) return;
    const before = this.source.slice(Math.max(0, token.start - 30), token.start);
    // "Klasse B. Morgen …" and "Anlage A. Zusätzlich …" are sentence ends, not initials.
    if (!/(?:^|[:(,]\s*|(?:^|\s)\p{Ll}+\s)$/u.test(before)) return;
    if (/\b(?:Herr|Herrn|Frau|Familie|Hr\.|Fr\.)\s$/u.test(before)) return;
    const end = this.readName(index, "name-shaped");
    if (end > index) this.add(index, end);
  }

  /** "Samirs Vater", "Zehras Lehrerin": the given name without the genitive s. */
  possessive(index: number) {
    const word = this.word(index);
    if (word.length < 4 || !word.endsWith("s") || word.endsWith("ss")) return;
    if (!isNameShaped(word) || isAnyKnownName(word)) return;
    const stem = word.slice(0, -1);
    const known = isFirstName(stem);
    if (!known) {
      if (!POSSESSED.has(this.word(index + 1)) || !this.adjacent(index, index + 1)) return;
      if (isNonNameWord(stem) || looksLikeNoun(stem) || KINSHIP.has(stem) || POSSESSED.has(stem)) {
        return;
      }
    }
    const token = this.tokens[index];
    if (token) this.charSpans.push([token.start, token.end - 1]);
  }

  /** Comma-separated people after "Verteiler:", "Anwesend:", "Kinder:" … */
  list(index: number) {
    const token = this.tokens[index];
    if (!token || !LIST_LABELS.has(token.text)) return;
    const colon = /^\s*:\s*/.exec(this.source.slice(token.end, token.end + 4));
    if (!colon) return;
    const from = token.end + colon[0].length;
    const rest = this.source.slice(from, from + 400);
    const stop = LIST_END.exec(rest);
    const body = stop ? rest.slice(0, stop.index) : rest;
    let itemStart = 0;
    const separators = [...body.matchAll(LIST_SEPARATOR), { index: body.length, 0: "" }];
    for (const separator of separators) {
      this.listItem(from + itemStart, body.slice(itemStart, separator.index));
      itemStart = separator.index + separator[0].length;
    }
  }

  listItem(offset: number, raw: string) {
    // A role or agency in parentheses after the name ("Abdi (KIM)") is not part of it.
    const item = raw.replace(/\s*\([^)]*\)?\s*$/u, "").trimEnd();
    if (!LIST_ITEM.test(item)) return;
    const words = item.match(/\p{L}[\p{L}\p{M}'’-]*/gu) ?? [];
    const nameWords = words.filter((word) => word.length > 1);
    if (nameWords.length === 0) return;
    // Items with a salutation are found by the salutation rule.
    if (TITLES.has(nameWords[0] ?? "")) return;
    const allNames = nameWords.every(
      (word) =>
        isNameShaped(word) &&
        (isAnyKnownName(word) || (!isNonNameWord(word) && !looksLikeNoun(word))),
    );
    if (allNames) this.charSpans.push([offset, offset + item.length]);
  }

  /** "Sohn Yusuf", "Tochter Rosa": a kinship word lets even word-like given names count. */
  kinship(index: number) {
    if (!KINSHIP.has(this.word(index)) || !this.adjacent(index, index + 1)) return;
    const end = this.readName(index + 1, "name-shaped");
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
    this.add(this.extendLeft(index), this.extendRight(index, isFirstName(word) ? 1 : 0));
  }

  /**
   * "Tsion Mekonnen", "Kpakpo Quaye": two capitalised words outside the lexicon, one spelled
   * unlike German, standing alone between lower-case words or punctuation. Three capitalised
   * words in a row are rather a title or an institution and are left alone.
   */
  pair(index: number) {
    const first = this.word(index);
    const second = this.word(index + 1);
    if (!isNameShaped(first) || !isNameShaped(second) || !this.adjacent(index, index + 1)) return;
    if (!looksForeign(first) && !looksForeign(second)) return;
    const plain = (word: string) =>
      word.length >= 3 &&
      isNameShaped(word) &&
      !isNonNameWord(word) &&
      !looksLikeNoun(word) &&
      !isAmbiguousFirstName(word) &&
      !KINSHIP.has(word) &&
      !TITLES.has(word);
    if (!plain(first) || !plain(second)) return;
    if (this.adjacent(index - 1, index) && isNameShaped(this.word(index - 1))) return;
    if (this.adjacent(index + 1, index + 2) && isNameShaped(this.word(index + 2))) return;
    this.add(index, index + 1);
  }

  /** Character spans of all rules, overlapping ones merged. */
  merged(): [number, number][] {
    const spans: [number, number][] = [...this.charSpans];
    for (const [first, last] of this.ranges) {
      const start = this.tokens[first]?.start;
      const end = this.tokens[last]?.end;
      if (start !== undefined && end !== undefined) spans.push([start, end]);
    }
    spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
    const result: [number, number][] = [];
    for (const span of spans) {
      const last = result.at(-1);
      if (last && span[0] < last[1]) last[1] = Math.max(last[1], span[1]);
      else result.push([...span]);
    }
    return result;
  }
}

export const detectPersonNames: Detector = (source) => {
  const tokens = tokenize(source);
  const scanner = new NameScanner(source, tokens);
  for (let index = 0; index < tokens.length; index += 1) {
    scanner.salutation(index);
    scanner.lowercaseSalutation(index);
    scanner.cue(index);
    scanner.capsCommaName(index);
    scanner.kinship(index);
    scanner.initialWithName(index);
    scanner.possessive(index);
    scanner.list(index);
    scanner.lexicon(index);
    scanner.pair(index);
  }
  return scanner.merged().map(([start, end]) => makeFinding(source, start, end, "person_name"));
};
