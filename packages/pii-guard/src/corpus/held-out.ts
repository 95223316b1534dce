import { labelled } from "./labelled.ts";

/**
 * Held out: written together with the rest of the corpus but never used while tuning the
 * detector. The report shows it separately as an estimate of behaviour on unseen notes.
 */
export const heldOutSentences = [
  labelled("Herr Bangura hat seine Arbeitsstelle verloren, das Jobcenter prüft Leistungen.", [
    "person_name",
    "Herr Bangura",
  ]),
  labelled("Die Klientin (geb. 28.11.1994) hat die Prüfung Leben in Deutschland bestanden.", [
    "birth_date",
    "28.11.1994",
  ]),
  labelled("Rückruf bitte unter 0171 2345678 ab 16 Uhr.", ["phone", "0171 2345678"]),
  labelled("Mail an h.jaber@posteo.de ist zurückgekommen.", ["email", "h.jaber@posteo.de"]),
  labelled("Nachzahlung auf DE31 7002 0270 0015 8204 77 ist angewiesen.", [
    "iban",
    "DE31 7002 0270 0015 8204 77",
  ]),
  labelled("Aktuelle Adresse: Blumenstraße 27, 45127 Essen.", [
    "address",
    "Blumenstraße 27, 45127 Essen",
  ]),
  labelled("Az.: III/2-4711/2025 – Anhörung zur Ausweisung.", ["file_number", "III/2-4711/2025"]),
  labelled("Reisepass Nr. R9988776 (Afghanistan) ist seit 2021 abgelaufen.", [
    "id_number",
    "R9988776",
  ]),
  labelled(
    "Frau Jallow und ihr Sohn Lamine waren beim Termin im Jugendamt.",
    ["person_name", "Frau Jallow"],
    ["person_name", "Lamine"],
  ),
  labelled("Tetiana Hnatiuk arbeitet seit März als Reinigungskraft, Minijob.", [
    "person_name",
    "Tetiana Hnatiuk",
  ]),
  labelled("Bis Ende Juni soll die Identitätsklärung abgeschlossen sein."),
  labelled("Die Wiedervorlage ist am 22.09.2026, KIM lädt ein."),
  labelled("Herr M. möchte keine Beratung durch die MBE, nur durch KIM."),
  labelled("Fall RT-2025-0113 wird an die ABH im Nachbarkreis abgegeben."),
  labelled("Der Antrag nach § 104c wurde am 10.01.2026 gestellt."),
  labelled("Der Sohn, geboren am 6.6.2008, wird im Sommer volljährig.", ["birth_date", "6.6.2008"]),
  labelled(
    "Sozialarbeiterin: Frau Wiśniewska, Tel. 0521 334455.",
    ["person_name", "Frau Wiśniewska"],
    ["phone", "0521 334455"],
  ),
  labelled(
    "Wohnt seit Mai im Eichenweg 19 in 32657 Lemgo.",
    ["address", "Eichenweg 19"],
    ["address", "32657 Lemgo"],
  ),
  labelled("Aufenthaltstitel-Nr. M7KL0F3T9 laut Kopie.", ["id_number", "M7KL0F3T9"]),
  labelled("Die Integrationskursträger melden freie Plätze im Oktober."),
  labelled("Hussein Khalil hat die Zusage der Berufsschule, Beginn 1. August.", [
    "person_name",
    "Hussein Khalil",
  ]),
  labelled(
    "Familie Osei zieht in die Friedrichstraße 88.",
    ["person_name", "Familie Osei"],
    ["address", "Friedrichstraße 88"],
  ),
  labelled("Die ABH hat 40 Minuten auf den Dolmetscher gewartet."),
  labelled("Kundennummer 921A334455 beim Jobcenter angeben.", ["file_number", "921A334455"]),
  labelled("Die Caritas-Beraterin Frau Ahmadi übernimmt ab Juli.", ["person_name", "Frau Ahmadi"]),
];
