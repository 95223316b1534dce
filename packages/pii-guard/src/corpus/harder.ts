import { labelled } from "./labelled.ts";

/**
 * A second batch written after the first detector run, before looking at its errors again:
 * spellings and contexts the first batch did not cover (spaced numbers, particles,
 * names outside the lexicon, word-like given names).
 */
export const harderSentences = [
  labelled("Die Klientin Frau Nur Aydın hat den Kurs gewechselt.", [
    "person_name",
    "Frau Nur Aydın",
  ]),
  labelled("Ansprechpartner beim Arbeitgeber ist Herr Sommer.", ["person_name", "Herr Sommer"]),
  labelled("Tel. privat: 0 52 31 / 98 76 54", ["phone", "0 52 31 / 98 76 54"]),
  labelled("Erreichbar: +49-176-12345678", ["phone", "+49-176-12345678"]),
  labelled("Mail: Ahmad.Rahimi@Web.de", ["email", "Ahmad.Rahimi@Web.de"]),
  labelled("IBAN DE95 3006 0601 0003 4567 89 (Kindergeld)", [
    "iban",
    "DE95 3006 0601 0003 4567 89",
  ]),
  labelled("Die neue Adresse ist Am Bahnhof 3 in Lage.", ["address", "Am Bahnhof 3"]),
  labelled("Er ist in die Von-Behring-Straße 4 gezogen.", ["address", "Von-Behring-Straße 4"]),
  labelled("geb. 1.5.2002 in Herat, seit 2016 in Deutschland", ["birth_date", "1.5.2002"]),
  labelled("Das Alter laut Pass (geb. 01.01.2004) wird von der ABH angezweifelt.", [
    "birth_date",
    "01.01.2004",
  ]),
  labelled(
    "Kind 2: Sara, 6 Jahre, geb. 11/04/2019",
    ["person_name", "Sara"],
    ["birth_date", "11/04/2019"],
  ),
  labelled("Az. 2 K 1150/23.A (VG Minden)", ["file_number", "2 K 1150/23.A"]),
  labelled("Gz. 62.1-3390 – Anhörung erfolgt.", ["file_number", "62.1-3390"]),
  labelled("Der Pass (Nr. CA1234567) ist beim Konsulat.", ["id_number", "CA1234567"]),
  labelled("eAT-Nr.: LM4R7T9KX", ["id_number", "LM4R7T9KX"]),
  labelled("Mutter: Halima Yusufzai", ["person_name", "Halima Yusufzai"]),
  labelled("Vater Abdelaziz ist 2019 verstorben.", ["person_name", "Abdelaziz"]),
  labelled("Mit dem Klienten und Herrn Wagner (Betrieb) wurde gesprochen.", [
    "person_name",
    "Herrn Wagner",
  ]),
  labelled("Frau El Amrani begleitet als Ehrenamtliche.", ["person_name", "Frau El Amrani"]),
  labelled("Frau Anna-Lena Schubert übernimmt die Lernpatenschaft.", [
    "person_name",
    "Frau Anna-Lena Schubert",
  ]),
  labelled("Milan hat den Kurs nach drei Wochen abgebrochen.", ["person_name", "Milan"]),
  labelled("Termin bei Dr. Ahmadi (Hausarzt) am 5.5.", ["person_name", "Dr. Ahmadi"]),
  labelled("Seine Ehefrau heißt Roza und lebt noch in Afrin.", ["person_name", "Roza"]),
  labelled("Die Frau des Klienten arbeitet in der Pflege."),
  labelled("Die Familie Unterstützung bei Behördengängen zu geben, ist das Ziel."),
  labelled("Laut Beschluss vom 12.01.2026 (Az. siehe Akte) ist nichts weiter zu tun."),
  labelled("Der Bus 732 fährt nur bis 19 Uhr."),
  labelled("Die Ausländerbehörde Detmold hat 12000 Akten digitalisiert."),
  labelled("Sie spricht Arabisch, Kurdisch und etwas Deutsch."),
  labelled("Elternabend der Klasse 7b am Mittwoch, 18 Uhr."),
  labelled("Herr und Frau K. kommen gemeinsam zur Fallkonferenz."),
  labelled("Der Klient arbeitet bei einem Versandhändler in Bielefeld."),
  labelled("Zur Kenntnis: Herr Bürgermeister begrüßt das Projekt."),
  labelled("Am Montag 10 Uhr Termin im Jobcenter."),
  labelled("Schulbescheinigung für Klasse 5 liegt vor, Stand 02/2026."),
  labelled("Eilantrag nach § 80 Abs. 5 VwGO wurde abgelehnt."),
  labelled("Rückruf unter der Nummer der Beratungsstelle."),
];
