import { labelled } from "./labelled.ts";

/** File numbers of agencies and courts, and numbers of passports, ID cards and permits. */
export const documentSentences = [
  labelled("Az. 123/45 – Widerspruch liegt beim Kreis.", ["file_number", "123/45"]),
  labelled("Die ABH führt den Vorgang unter AZ: ABH-2024-1234.", ["file_number", "ABH-2024-1234"]),
  labelled("Aktenzeichen 45.12-0815/2024 bitte bei Rückfragen angeben.", [
    "file_number",
    "45.12-0815/2024",
  ]),
  labelled("Das BAMF-Aktenzeichen lautet 7654321-423.", ["file_number", "7654321-423"]),
  labelled("Klage beim VG Minden, Az. 12 K 3456/24.A, Termin steht aus.", [
    "file_number",
    "12 K 3456/24.A",
  ]),
  labelled("BG-Nummer 96201BG0012345, Sachbearbeitung im Team 3.", [
    "file_number",
    "96201BG0012345",
  ]),
  labelled("Kundennummer bei der Agentur: 123D456789.", ["file_number", "123D456789"]),
  labelled("Bitte das Geschäftszeichen 32.2-5412/26 im Betreff nennen.", [
    "file_number",
    "32.2-5412/26",
  ]),
  labelled("AZR-Nummer 151234567890 liegt der ABH vor.", ["file_number", "151234567890"]),
  labelled("Der Eilantrag (Az.: 5 L 789/25) wurde abgelehnt.", ["file_number", "5 L 789/25"]),
  labelled("Unser Zeichen: JC-LIP-2025-00417", ["file_number", "JC-LIP-2025-00417"]),
  labelled("Die Akte (Az. 7102-3-88) liegt noch in Papierform vor.", ["file_number", "7102-3-88"]),
  labelled("Reisepass Nr. N012345678 (Syrien), gültig bis 2023.", ["id_number", "N012345678"]),
  labelled("Pass-Nr.: P01234567, abgelaufen.", ["id_number", "P01234567"]),
  labelled("Die Nummer des eAT ist C01X00T47, die Karte ist beschädigt.", [
    "id_number",
    "C01X00T47",
  ]),
  labelled("Aufenthaltstitel Y8K9L0M12 wurde im Oktober ausgegeben.", ["id_number", "Y8K9L0M12"]),
  labelled("Personalausweis L01X00T47 (deutsche Ehefrau).", ["id_number", "L01X00T47"]),
  labelled("Ausweisnummer der Duldung: D-4711-0815", ["id_number", "D-4711-0815"]),
  labelled("Passnummer U12345678, türkischer Reisepass.", ["id_number", "U12345678"]),
  labelled("Ukrainischer Pass FX123456 liegt in Kopie vor.", ["id_number", "FX123456"]),
  labelled("Die Kopie zeigt die Nummer T22000129 des Ausweises.", ["id_number", "T22000129"]),
  labelled("Ankunftsnachweis Nr. 123456789012 ist verloren gegangen.", [
    "id_number",
    "123456789012",
  ]),
  labelled("Passersatzpapier mit der Nummer A12345678 wurde beantragt.", [
    "id_number",
    "A12345678",
  ]),
  labelled("Der Reisepass fehlt, eine Passbeschaffung über die Botschaft ist eingeleitet."),
  labelled("Die Ausweispflicht ist mit dem Ausweisersatz nach § 48 Abs. 2 AufenthG erfüllt."),
  labelled("Der eAT wurde beantragt, Abholung in 6 Wochen."),
  labelled("Aufenthaltstitel nach § 25b AufenthG ist seit 2025 erteilt."),
  labelled("Für den Reisepass wurden 2 biometrische Fotos und 120 Euro gebraucht."),
  labelled("Die Fallnummer RT-2026-0007 bitte in allen Mails verwenden."),
  labelled("Die Akte der ABH umfasst mittlerweile 300 Seiten."),
];
