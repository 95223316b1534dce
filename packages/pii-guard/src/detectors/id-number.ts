import { type Detector, makeFinding } from "./finding.ts";

// Documents whose number identifies the person: passports, ID cards, permits, arrival papers.
const CUES =
  /\b(?:Reisepass(?:nummer|-Nr\.?)?|Nationalpass|Pass(?:nummer|-Nr\.?|nr\.?)?|Passersatzpapier|Passersatz|Personalausweis(?:nummer)?|Ausweis(?:nummer|-Nr\.?|es)?|PA-Nr\.?|eAT(?:-Nr\.?|-Nummer)?|Aufenthaltstitel(?:-Nr\.?|nummer|s)?|Titel-Nr\.?|Duldungsnummer|Ankunftsnachweis(?:es)?|AKN-Nr\.?|Aufenthaltsgestattung|Kartennummer|Dokumentennummer|Seriennummer|Passport(?: No\.?)?|Sozialversicherungsnummer|Rentenversicherungsnummer|Steuer-ID|Steueridentifikationsnummer)(?![\p{L}])/gu;
// Uppercase letters and digits, optionally in dash-separated blocks (D-4711-0815).
const VALUE = /(?<![\p{L}\d])[A-Z0-9]{1,12}(?:-[A-Z0-9]{1,12}){0,3}(?![\p{L}\d])/gu;
// Stop looking for the number at the end of the clause.
const CLAUSE_END = /[,;!?\n]|\.(?:\s|$)/;
// German ID card and eAT numbers: 9 characters from an alphabet without vowels and B/D/Q/S.
const GERMAN_DOCUMENT = /(?<![\p{L}\d])[CFGHJKLMNPRTVWXYZ][CFGHJKLMNPRTVWXYZ0-9]{8}(?![\p{L}\d])/gu;

function isDocumentNumber(value: string): boolean {
  const compact = value.replace(/-/g, "");
  const digits = compact.replace(/\D/g, "").length;
  return compact.length >= 6 && compact.length <= 14 && digits >= 2;
}

export const detectIdNumbers: Detector = (source) => {
  const findings = [];
  for (const cue of source.matchAll(CUES)) {
    const from = cue.index + cue[0].length;
    let window = source.slice(from, from + 50);
    // "Nr. P123" must not stop at the abbreviation's dot, so only a dot before a space or end counts.
    const clauseEnd = CLAUSE_END.exec(window.replace(/\bNr\./g, "Nr_"));
    if (clauseEnd) window = window.slice(0, clauseEnd.index);
    for (const value of window.matchAll(VALUE)) {
      if (!isDocumentNumber(value[0])) continue;
      const start = from + value.index;
      findings.push(makeFinding(source, start, start + value[0].length, "id_number"));
      break;
    }
  }
  for (const match of source.matchAll(GERMAN_DOCUMENT)) {
    const digits = match[0].replace(/\D/g, "").length;
    if (digits >= 3) {
      findings.push(makeFinding(source, match.index, match.index + match[0].length, "id_number"));
    }
  }
  return findings;
};
