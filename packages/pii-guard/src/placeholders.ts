import type { PiiFinding, PiiKind } from "./types.ts";

/** What the editor offers instead of the finding; square brackets mark it as replaced. */
export const PII_PLACEHOLDERS: Record<PiiKind, string> = {
  person_name: "[Name]",
  birth_date: "[Geburtsdatum]",
  phone: "[Telefon]",
  email: "[E-Mail]",
  iban: "[IBAN]",
  address: "[Adresse]",
  file_number: "[Aktenzeichen]",
  id_number: "[Ausweisnummer]",
};

/** Short German name of each kind, for badges and screen readers. */
export const PII_LABELS: Record<PiiKind, string> = {
  person_name: "Name",
  birth_date: "Geburtsdatum",
  phone: "Telefonnummer",
  email: "E-Mail-Adresse",
  iban: "Bankverbindung (IBAN)",
  address: "Adresse",
  file_number: "Aktenzeichen",
  id_number: "Ausweis- oder Dokumentennummer",
};

/** Why the kind must not stand in the shared notes, in plain words for the editor's hint. */
export const PII_EXPLANATIONS: Record<PiiKind, string> = {
  person_name:
    "Ein Name macht die Person für alle Beteiligten erkennbar. In den gemeinsamen Notizen steht nur der Fallcode oder eine Rolle wie „der Klient“, „die Klientin“ oder „Herr K.“.",
  birth_date:
    "Ein Geburtsdatum identifiziert die Person zusammen mit wenigen anderen Angaben eindeutig. Wenn das Alter wichtig ist, genügt eine Angabe wie „Mitte zwanzig“ oder „wird im Sommer volljährig“.",
  phone:
    "Über eine Telefonnummer ist die Person direkt zu finden. Kontaktdaten kennt nur die fallführende Stelle; sie stellt den Kontakt bei Bedarf her.",
  email:
    "Eine E-Mail-Adresse enthält oft den Namen und führt direkt zur Person. Kontaktdaten bleiben bei der fallführenden Stelle.",
  iban: "Eine Kontonummer gehört zu genau einer Person und ist besonders schutzwürdig. Für die Fallkonferenz reicht eine Angabe wie „Konto vorhanden“.",
  address:
    "Eine Anschrift verrät, wo die Person wohnt. Für die Fallkonferenz reicht meist der Ort oder eine Beschreibung wie „Gemeinschaftsunterkunft im Ortsteil“.",
  file_number:
    "Mit einem Aktenzeichen oder einer Kundennummer kann jede Stelle die Person in ihren eigenen Akten nachschlagen. In den gemeinsamen Notizen steht nur der Fallcode (z. B. RT-2026-0007).",
  id_number:
    "Pass-, Ausweis- und Titelnummern gehören zu genau einer Person. Dass ein Dokument vorliegt oder fehlt, darf notiert werden, die Nummer nicht.",
};

export const placeholderFor = (kind: PiiKind): string => PII_PLACEHOLDERS[kind];

/** The text changed since the check: the finding no longer points at what it found. */
export class StaleFindingError extends Error {
  constructor(readonly finding: PiiFinding) {
    super(`The text at ${finding.start}–${finding.end} is no longer "${finding.text}"`);
    this.name = "StaleFindingError";
  }
}

/**
 * Replaces one finding with its placeholder (or `replacement`). Throws StaleFindingError when
 * the text moved on since the check, so a live editor never overwrites what someone just typed.
 */
export function replaceFinding(
  text: string,
  finding: PiiFinding,
  replacement: string = placeholderFor(finding.kind),
): string {
  if (text.slice(finding.start, finding.end) !== finding.text) throw new StaleFindingError(finding);
  return text.slice(0, finding.start) + replacement + text.slice(finding.end);
}

/** Replaces several findings of one check at once; from the end, so earlier offsets stay valid. */
export function replaceFindings(text: string, findings: readonly PiiFinding[]): string {
  return [...findings]
    .sort((a, b) => b.start - a.start)
    .reduce((current, finding) => replaceFinding(current, finding), text);
}
