import { labelled } from "./labelled.ts";

/** Longer lines as they appear in real minutes: several kinds, cues and negatives mixed. */
export const mixedSentences = [
  labelled(
    "Herr Camara (geb. 14.08.1999) hat die Duldung bis 30.06.2026, Wiedervorlage am 15.07.2026.",
    ["person_name", "Herr Camara"],
    ["birth_date", "14.08.1999"],
  ),
  labelled(
    "Die ABH (Az. 7.3-221/26) prüft § 104c; Rückfragen an Frau Kaya unter 05231 62-0.",
    ["file_number", "7.3-221/26"],
    ["person_name", "Frau Kaya"],
    ["phone", "05231 62-0"],
  ),
  labelled(
    "Frau Haddad, wohnhaft Bergstraße 5, 32756 Detmold, ist über fatima.h@web.de erreichbar.",
    ["person_name", "Frau Haddad"],
    ["address", "Bergstraße 5, 32756 Detmold"],
    ["email", "fatima.h@web.de"],
  ),
  labelled("Der Klient legt den Reisepass (Nr. P87654321) am 3.4. bei der ABH vor.", [
    "id_number",
    "P87654321",
  ]),
  labelled(
    "Caritas begleitet Herrn Diallo am 12.05. zur Botschaft, Telefon 0152 11223344.",
    ["person_name", "Herrn Diallo"],
    ["phone", "0152 11223344"],
  ),
  labelled(
    "Jobcenter: Leistungen gehen ab Juni auf DE57 5204 0021 0456 7890 12, BG-Nummer 32101BG0004711.",
    ["iban", "DE57 5204 0021 0456 7890 12"],
    ["file_number", "32101BG0004711"],
  ),
  labelled(
    "Maßnahme: KIM (Frau Petrova) spricht bis Ende Mai mit dem Arbeitgeber über eine Ausbildung.",
    ["person_name", "Frau Petrova"],
  ),
  labelled(
    "Yasin Arslan, 19 Jahre, geb. 02.02.2007, lebt seit 2022 in der Jugendhilfe.",
    ["person_name", "Yasin Arslan"],
    ["birth_date", "02.02.2007"],
  ),
  labelled(
    "RT-2026-0012: Klientin hat den eAT (Nr. C4F7G9H2K) erhalten, Umzug nach 32657 Lemgo folgt.",
    ["id_number", "C4F7G9H2K"],
    ["address", "32657 Lemgo"],
  ),
  labelled(
    "Frau Müller (Jobcenter, Tel. 05231 7090-123) meldet sie für den Integrationskurs an.",
    ["person_name", "Frau Müller"],
    ["phone", "05231 7090-123"],
  ),
  labelled("Widerspruch gegen den Bescheid vom 02.01.2026 (Az. 54 - 12345/25) ist eingelegt.", [
    "file_number",
    "54 - 12345/25",
  ]),
  labelled(
    "Bei Familie Rahimi, Rosenweg 14, wurde der Strom abgestellt.",
    ["person_name", "Familie Rahimi"],
    ["address", "Rosenweg 14"],
  ),
  labelled(
    "Protokoll: Herr K. und Frau B. (Sprachmittlerin) anwesend; Ziel bleibt § 25b bis 2027.",
  ),
  labelled(
    "Ahmet schreibt regelmäßig an info@bildungswerk-lippe.de wegen des Kursplatzes.",
    ["person_name", "Ahmet"],
    ["email", "info@bildungswerk-lippe.de"],
  ),
  labelled("Die Klientin ist am 9.9.1991 geboren und seit dem 1.3.2024 beim Jobcenter gemeldet.", [
    "birth_date",
    "9.9.1991",
  ]),
  labelled(
    "Olha Marchenko, Tel. +49 176 55566677, sucht einen Kitaplatz für ihren Sohn.",
    ["person_name", "Olha Marchenko"],
    ["phone", "+49 176 55566677"],
  ),
  labelled(
    "Der Arbeitgeber (Bäckerei Schulte, Lange Straße 7) würde ihn ab August ausbilden.",
    ["person_name", "Schulte"],
    ["address", "Lange Straße 7"],
  ),
  labelled(
    "Im Gespräch am 10.02.2026 sagte der Klient, sein Pass (Nr. 01234567) sei bei der Botschaft.",
    ["id_number", "01234567"],
  ),
  labelled(
    "Die Schwester, Frau Amal Saleh, hat dieselbe Adresse: Goethestraße 3a.",
    ["person_name", "Frau Amal Saleh"],
    ["address", "Goethestraße 3a"],
  ),
  labelled(
    "Vereinbarung: Der Klient meldet sich bis 20.03. telefonisch bei der KIM-Fallmanagerin.",
  ),
];
