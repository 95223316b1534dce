import { findDates } from "./dates.ts";
import { type Detector, makeFinding } from "./finding.ts";
import { detectPersonNames } from "./person-name.ts";

// The cue must end right before the date; only a few filler words may sit in between
// ("geboren am", "Geburtsdatum: der", "Geburtsdatum laut Ausweis:", "geb. in Herat,"),
// never a digit or a full stop that ends a sentence.
const CUE_BEFORE =
  /(?:\b[Gg]eb\.|\b[Gg]eboren|\bGeburtsdatum|\bGeb\.-?Datum|\bGeburtstag|\bGeburtsjahr|\bJahrgang|\b[Vv]olljährig|\bVolljährigkeit|\bDOB|\*)(?:\s*[:(),]|\s+(?:am|ist|war|der|den|das|im|ab)\b|\s+(?:laut|lt\.|gem\.|gemäß|im|nach|in)\s+\p{Lu}[\p{L}-]{1,20}\b)*\s*$/u;
// "am 04.07.2011 in Aleppo geboren", "wird am 02.11.2026 volljährig", "… zur Welt gekommen".
const CUE_AFTER = /^[^\d,;.!?]{0,30}?\b(?:geboren|volljährig|Geburtstag|zur Welt)\b/iu;
// A second date right after a birth date ("…der 12.12.1992, in der Duldung der 21.12.1992"):
// alternative birth dates in different papers are common in refugee files.
const ALTERNATIVE_LINK = /^[^\d.;!?]{0,40}\b(?:der|bzw\.|oder)\s*$/iu;
// A full date as an apposition to a name, in lists of people: "Yusuf Demirci (07.05.2001)",
// "- Amina Diallo, 19.08.1996, …". A meeting date does not follow a name like this.
const AFTER_NAME = /^(?:, | \()$/;
const APPOSITION_END = /^(?:\)|,|;|\.?\s*$|\.\s)/;

/** `names` are the person names in `source`; findPii passes them in to scan names only once. */
export function detectBirthDatesWithNames(
  source: string,
  names: { start: number; end: number }[],
): ReturnType<Detector> {
  const findings = [];
  const nameEnds = new Set(names.map((name) => name.end));
  let previousBirthDateEnd = -1;
  for (const date of findDates(source)) {
    const before = source.slice(Math.max(0, date.start - 60), date.start);
    const after = source.slice(date.end, date.end + 60);
    const cueBefore = CUE_BEFORE.test(before);
    const afterName =
      date.fullDate &&
      nameEnds.has(date.start - 2) &&
      AFTER_NAME.test(source.slice(date.start - 2, date.start)) &&
      APPOSITION_END.test(after);
    const isBirthDate = date.yearOnly
      ? cueBefore
      : cueBefore ||
        afterName ||
        CUE_AFTER.test(after) ||
        (previousBirthDateEnd >= 0 &&
          ALTERNATIVE_LINK.test(source.slice(previousBirthDateEnd, date.start)));
    if (!isBirthDate) continue;
    findings.push(makeFinding(source, date.start, date.end, "birth_date"));
    previousBirthDateEnd = date.end;
  }
  return findings;
}

export const detectBirthDates: Detector = (source) =>
  detectBirthDatesWithNames(source, detectPersonNames(source));
