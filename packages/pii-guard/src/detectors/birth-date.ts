import { findDates } from "./dates.ts";
import { type Detector, makeFinding } from "./finding.ts";

// The cue must end right before the date; only a few filler words may sit in between
// ("geboren am", "Geburtsdatum: der", "Geburtstag ist der"), never a digit or a full stop.
const CUE_BEFORE =
  /(?:\bgeb\.|\bgeboren|\bGeburtsdatum|\bGeb\.-?Datum|\bGeburtstag|\bGeburtsjahr|\bJahrgang|\bvolljährig|\bVolljährigkeit|\bDOB|\*)(?:\s*:)?(?:\s+(?:am|ist|war|der|den|das|im|ab|laut\s+\p{L}+))*\s*$/iu;
// "am 04.07.2011 in Aleppo geboren", "wird am 02.11.2026 volljährig": a short clause after.
const CUE_AFTER = /^[^\d,;.!?]{0,30}?\b(?:geboren|volljährig|Geburtstag)\b/iu;
// A second date right after a birth date ("…der 12.12.1992, in der Duldung der 21.12.1992"):
// alternative birth dates in different papers are common in refugee files.
const ALTERNATIVE_LINK = /^[^\d.;!?]{0,40}\b(?:der|bzw\.|oder)\s*$/iu;

export const detectBirthDates: Detector = (source) => {
  const findings = [];
  let previousBirthDateEnd = -1;
  for (const date of findDates(source)) {
    const before = source.slice(Math.max(0, date.start - 60), date.start);
    const after = source.slice(date.end, date.end + 60);
    const cueBefore = CUE_BEFORE.test(before);
    const isBirthDate = date.yearOnly
      ? cueBefore
      : cueBefore ||
        CUE_AFTER.test(after) ||
        (previousBirthDateEnd >= 0 &&
          ALTERNATIVE_LINK.test(source.slice(previousBirthDateEnd, date.start)));
    if (!isBirthDate) continue;
    findings.push(makeFinding(source, date.start, date.end, "birth_date"));
    previousBirthDateEnd = date.end;
  }
  return findings;
};
