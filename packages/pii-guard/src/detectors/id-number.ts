import { type Detector, makeFinding } from "./finding.ts";

// Documents whose number identifies the person: passports, ID cards, permits, arrival papers,
// tax, social-insurance, health-insurance and driving-licence numbers, Afghan Tazkira.
const STRONG_CUES =
  /\b(?:Reisepass(?:nummer|-Nr\.?)?|Nationalpass|Pass(?:nummer|-Nr\.?|nr\.?)?|Passersatzpapier|Passersatz|Personalausweis(?:nummer)?|Ausweis(?:nummer|-Nr\.?|es)?|PA-Nr\.?|eAT(?:-Nr\.?|-Nummer)?|Aufenthaltstitel(?:-Nr\.?|nummer|s)?|Titel-Nr\.?|Duldungs(?:nummer|nr\.?|-Nr\.?)|Ankunftsnachweis(?:es|nummer|-Nr\.?)?|AKN(?:-Nr\.?)?|Aufenthaltsgestattung|Kartennummer|Dokumentennummer|Seriennummer|Passport(?: No\.?)?|Sozialversicherungsnummer|SV-(?:Nummer|Nr\.?)|Rentenversicherungsnummer|RV-(?:Nummer|Nr\.?)|Versicherungsnummer|Steuer-?ID|Steuer-Identifikationsnummer|Steueridentifikationsnummer|Steuer-?Nr\.?|Steuernummer|Identifikationsnummer|Kranken(?:versicherten|versicherungs)?nummer|Versichertennummer|KV-(?:Nummer|Nr\.?)|Führerschein(?:nummer|-Nr\.?)|Tazkira(?:-Nr\.?|-?Nummer)|Tazkera(?:-Nr\.?|-?Nummer)|Fiktionsbescheinigungs?(?:nummer|-Nr\.?))(?![\p{L}])/gu;
// Words that are just as often the document itself ("die Duldung läuft bis …"): they count
// only when "Nr."/"Nummer" or a colon announces the number, as in "Duldung Nr. 4711".
const WEAK_CUES =
  /\b(?:Duldung|Fiktionsbescheinigung|Führerschein|Tazkira|Tazkera|Gestattung|Versichertenkarte|Gesundheitskarte)(?:\s*\(|\s+)?(?:Nr\.|Nummer|:)|\b(?:Nr\.|Nummer)\s+(?:der|des)\s+(?:Duldung|Fiktionsbescheinigung|Tazkira|Gestattung|Führerscheins)\s*:?|\b(?:Duldung|Fiktionsbescheinigung|Führerschein|Tazkira)\s*\((?=Nr\.)/gu;
// Uppercase letters and digits, in dash-separated blocks (D-4711-0815) or spaced groups as
// printed ("47 036 892 815", "65 170839 J 003", "ANK 2015 0047 1123"). A spaced group must
// hold a digit or be a single letter between digits, so a following acronym stays outside.
const VALUE =
  /(?<![\p{L}\d])[A-Z0-9]{1,12}(?:-[A-Z0-9]{1,12}){0,3}(?: (?:\d[A-Z0-9]{0,11}|[A-Z](?= \d))){0,5}(?![\p{L}\d])/gu;
// Stop looking for the number at the end of the clause.
const CLAUSE_END = /[,;!?\n]|\.(?:\s|$)/;
// German ID card and eAT numbers: 9 characters from an alphabet without vowels and B/D/Q/S.
const GERMAN_DOCUMENT = /(?<![\p{L}\d])[CFGHJKLMNPRTVWXYZ][CFGHJKLMNPRTVWXYZ0-9]{8}(?![\p{L}\d])/gu;
// German social-insurance number: area, birth date, initial of the birth name, serial.
const SOCIAL_INSURANCE = /(?<![\p{L}\d])\d{2} ?[0-3]\d[01]\d{3} ?[A-Z] ?\d{3}(?![\p{L}\d])/gu;

function isDocumentNumber(value: string): boolean {
  const compact = value.replace(/[- ]/g, "");
  const digits = compact.replace(/\D/g, "").length;
  return compact.length >= 6 && compact.length <= 16 && digits >= 2;
}

function numberAfter(source: string, from: number): [number, number] | undefined {
  let window = source.slice(from, from + 50);
  // "Nr. P123" must not stop at the abbreviation's dot, so only a dot before a space or end counts.
  const clauseEnd = CLAUSE_END.exec(window.replace(/\bNr\./g, "Nr_"));
  if (clauseEnd) window = window.slice(0, clauseEnd.index);
  for (const value of window.matchAll(VALUE)) {
    // A date after the cue is a validity date ("Duldung: 30.06.2026"), not the number.
    if (/^\d{1,2}$/.test(value[0]) && window[value.index + value[0].length] === ".") return;
    if (!isDocumentNumber(value[0])) continue;
    return [from + value.index, from + value.index + value[0].length];
  }
  return undefined;
}

export const detectIdNumbers: Detector = (source) => {
  const findings = [];
  for (const cues of [STRONG_CUES, WEAK_CUES]) {
    for (const cue of source.matchAll(cues)) {
      const span = numberAfter(source, cue.index + cue[0].length);
      if (span) findings.push(makeFinding(source, span[0], span[1], "id_number"));
    }
  }
  for (const match of source.matchAll(GERMAN_DOCUMENT)) {
    const digits = match[0].replace(/\D/g, "").length;
    if (digits >= 3) {
      findings.push(makeFinding(source, match.index, match.index + match[0].length, "id_number"));
    }
  }
  for (const match of source.matchAll(SOCIAL_INSURANCE)) {
    findings.push(makeFinding(source, match.index, match.index + match[0].length, "id_number"));
  }
  return findings;
};
