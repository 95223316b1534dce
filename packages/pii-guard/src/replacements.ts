import { placeholderFor } from "./placeholders.ts";
import type { PiiFinding } from "./types.ts";

/** Put `text` in place of `source.slice(start, end)`. */
export interface Replacement {
  start: number;
  end: number;
  text: string;
}

const SALUTED = /^(Herrn|Herr|Frau)\s+(?:Dr\.\s+)?(.*?)$/u;
const BIRTH_CUE = /(?:geboren am|geboren|geb\.|Geburtsdatum:?|\*)\s*$/u;
const MONTHS = [
  "januar",
  "februar",
  "märz",
  "april",
  "mai",
  "juni",
  "juli",
  "august",
  "september",
  "oktober",
  "november",
  "dezember",
];

/** At the start of a text or a sentence a replacement starts with a capital letter. */
function startsSentence(source: string, start: number): boolean {
  return /(^|[.!?:]\s+|\n\s*)$/u.test(source.slice(0, start));
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const DATIVE_BEFORE = /\b(?:mit|bei|von|vom|zu|nach|aus|gegenüber|seit)\s+$/iu;
const ACCUSATIVE_BEFORE = /\b(?:für|gegen|ohne|um|durch)\s+$/iu;

/** "der Klient" in the case the sentence needs, read from the word before and the salutation. */
function clientRole(source: string, start: number, salutation: string, female: boolean): string {
  const before = source.slice(Math.max(0, start - 20), start);
  if (DATIVE_BEFORE.test(before)) return female ? "der Klientin" : "dem Klienten";
  if (ACCUSATIVE_BEFORE.test(before) || salutation === "Herrn") {
    return female ? "die Klientin" : "den Klienten";
  }
  return female ? "die Klientin" : "der Klient";
}

function nameReplacements(source: string, finding: PiiFinding): Replacement[] {
  const { start, end } = finding;
  const atStart = startsSentence(source, start);
  const role = (text: string) => ({ start, end, text: atStart ? capitalised(text) : text });
  const saluted = finding.text.match(SALUTED);
  if (saluted) {
    const [, salutation = "", name = ""] = saluted;
    const surname = name.split(/\s+/u).at(-1) ?? "";
    const initial = surname.charAt(0).toUpperCase();
    const options: Replacement[] = initial
      ? [{ start, end, text: `${salutation} ${initial}.` }]
      : [];
    options.push(role(clientRole(source, start, salutation, salutation === "Frau")));
    return options;
  }
  return [role(clientRole(source, start, "", false)), role(clientRole(source, start, "", true))];
}

/** Reads "14.03.1999", "1999-03-14" or "3. März 1990" as a calendar date. */
function readDate(text: string): { year: number; month: number; day: number } | null {
  const dotted = text.match(/^(\d{1,2})\.(\d{1,2})\.(\d{4})$/u);
  if (dotted) return { day: Number(dotted[1]), month: Number(dotted[2]), year: Number(dotted[3]) };
  const iso = text.match(/^(\d{4})-(\d{2})-(\d{2})$/u);
  if (iso) return { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) };
  const written = text.match(/^(\d{1,2})\.\s*([A-Za-zÄÖÜäöü]+)\s+(\d{4})$/u);
  const month = written ? MONTHS.indexOf((written[2] ?? "").toLowerCase()) + 1 : 0;
  if (written && month > 0) return { day: Number(written[1]), month, year: Number(written[3]) };
  return null;
}

function ageOn(birth: { year: number; month: number; day: number }, today: Date): number {
  const hadBirthday =
    today.getMonth() + 1 > birth.month ||
    (today.getMonth() + 1 === birth.month && today.getDate() >= birth.day);
  return today.getFullYear() - birth.year - (hadBirthday ? 0 : 1);
}

/** "geboren am 14.03.1999" becomes "27 Jahre alt": the age is what the conference needs. */
function birthDateReplacements(source: string, finding: PiiFinding, today: Date): Replacement[] {
  const birth = readDate(finding.text);
  const cue = source.slice(Math.max(0, finding.start - 30), finding.start).match(BIRTH_CUE);
  if (!birth || !cue) return [];
  const age = ageOn(birth, today);
  if (age < 0 || age > 120) return [];
  const start = finding.start - cue[0].length;
  const text = age === 1 ? "1 Jahr alt" : `${age} Jahre alt`;
  return [{ start, end: finding.end, text }];
}

/**
 * What can stand in place of a finding so the sentence still reads right, best first:
 * "Herr C." or "der Klient" for a name, the age for a birth date with its cue; the
 * bracketed placeholder is always the last offer.
 */
export function naturalReplacements(
  source: string,
  finding: PiiFinding,
  today: Date = new Date(),
): Replacement[] {
  const placeholder = {
    start: finding.start,
    end: finding.end,
    text: placeholderFor(finding.kind),
  };
  const natural =
    finding.kind === "person_name"
      ? nameReplacements(source, finding)
      : finding.kind === "birth_date"
        ? birthDateReplacements(source, finding, today)
        : [];
  return [...natural, placeholder];
}

/** The text with one replacement made. */
export const applyReplacement = (source: string, replacement: Replacement): string =>
  source.slice(0, replacement.start) + replacement.text + source.slice(replacement.end);
