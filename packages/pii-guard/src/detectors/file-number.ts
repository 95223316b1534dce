import { type Detector, makeFinding } from "./finding.ts";

// Words that announce a file, customer or register number. The number itself is the finding.
const CUES =
  /(?:\b(?:Az|AZ|Gz|Akt\.-?Z)\b\.?|\b(?:Aktenzeichen|Geschäftszeichen|GZ|Unser Zeichen|Ihr Zeichen|Kundennummer|Kunden-Nr\.?|BG-Nummer|BG-Nr\.?|Bedarfsgemeinschaftsnummer|Vorgangsnummer|Vorgangs-Nr\.?|AZR-Nummer|AZR-Nr\.?|AZR|Kindergeldnummer|Kindergeld-Nr\.?|Kindergeld-Nummer|Familienkassen-Nr\.?|Wohngeld-Nr\.?|Registriernummer|BüMA-Nr\.?)\b)/gu;
// Court style "12 K 3456/24.A" or a code of letters/digits joined by . / - : (spaced dash allowed).
// An agency prefix before a number that starts with a digit belongs to it ("ABH 3.2-1477/26").
const VALUE =
  /^(?:\d{1,3} [A-Z][A-Za-z]{0,3} \d{1,6}\/\d{2,4}(?:\.[A-Z]{1,3})?|(?:[A-Z]{2,5} (?=\d))?[A-Z0-9][A-Za-z0-9]*(?:(?:[./:]| ?- ?)[A-Za-z0-9]+)*)/;
// Between cue and number: "des BAMF", "bei der Agentur", "lautet", ":" – short, no clause end.
const FILLER =
  /^(?:[\s:().]|\b(?:des|der|beim|bei|vom|von|im|lautet|ist|Nr\.|Nummer|[A-ZÄÖÜ][\p{L}]*(?![-\d]|\s\d))\b)*/u;
// Without a cue only shapes that are unmistakable: BAMF (1234567-423), court (5 L 789/25),
// Jobcenter BG (96201BG0012345), Arbeitsagentur customer number (123D456789), child benefit
// (Familienkasse, 123FK456789).
const UNCUED =
  /(?<![\p{L}\d/.-])(?:\d{7,8}-\d{3}|\d{1,3} [A-Z]{1,2} \d{1,6}\/\d{2}(?:\.A)?|\d{5}BG\d{7}|\d{3}[A-Z]\d{6}|\d{3}FK\d{6})(?![\p{L}\d/-])/gu;
// Our own pseudonym (RT-2026-0007) belongs in the notes; dates are deadlines, not file numbers.
const NOT_A_FILE_NUMBER = /^(?:RT-\d{4}-\d+|\d{1,2}\.\d{1,2}\.(?:\d{2,4})?)$/;

const hasEnoughDigits = (value: string) => (value.match(/\d/g)?.length ?? 0) >= 2;

export const detectFileNumbers: Detector = (source) => {
  const findings = [];
  for (const cue of source.matchAll(CUES)) {
    const afterCue = cue.index + cue[0].length;
    const filler = FILLER.exec(source.slice(afterCue, afterCue + 40))?.[0] ?? "";
    const start = afterCue + filler.length;
    const value = VALUE.exec(source.slice(start, start + 40))?.[0]?.replace(/[.:]+$/, "");
    if (!value || !hasEnoughDigits(value) || NOT_A_FILE_NUMBER.test(value)) continue;
    findings.push(makeFinding(source, start, start + value.length, "file_number"));
  }
  for (const match of source.matchAll(UNCUED)) {
    findings.push(makeFinding(source, match.index, match.index + match[0].length, "file_number"));
  }
  return findings;
};
