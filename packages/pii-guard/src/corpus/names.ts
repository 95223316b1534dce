import { labelled } from "./labelled.ts";

/** Person names: with salutation, from the lexicon, with name cues, and roles that must stay. */
export const nameSentences = [
  labelled("Herr Camara arbeitet seit zwei Jahren in Teilzeit im Lager.", [
    "person_name",
    "Herr Camara",
  ]),
  labelled("Die Fallmanagerin berichtet, dass Frau Yılmaz den B1-Kurs abgebrochen hat.", [
    "person_name",
    "Frau Yılmaz",
  ]),
  labelled("Familie Haddad wohnt weiterhin in der Gemeinschaftsunterkunft.", [
    "person_name",
    "Familie Haddad",
  ]),
  labelled("Mamadou Diallo hat die Zusage für die Ausbildung als Fachlagerist erhalten.", [
    "person_name",
    "Mamadou Diallo",
  ]),
  labelled("Laut Caritas hat Fatima die Schweigepflichtentbindung unterschrieben.", [
    "person_name",
    "Fatima",
  ]),
  labelled("Der Klient (Ahmad Rahimi) ist seit 2019 geduldet.", ["person_name", "Ahmad Rahimi"]),
  labelled("Frau Olena Kovalenko hat einen Platz im Berufssprachkurs bekommen.", [
    "person_name",
    "Frau Olena Kovalenko",
  ]),
  labelled("Herr Dr. Petrović vom Gesundheitsamt bittet um Rückruf.", [
    "person_name",
    "Herr Dr. Petrović",
  ]),
  labelled("Name: Khaled Al-Hassan, Duldung nach § 60a AufenthG.", [
    "person_name",
    "Khaled Al-Hassan",
  ]),
  labelled("Die Tochter Aylin besucht die Kita im Ortsteil.", ["person_name", "Aylin"]),
  labelled("Frau Nowak (ABH) prüft die Voraussetzungen nach § 104c.", [
    "person_name",
    "Frau Nowak",
  ]),
  labelled("Gespräch mit Herrn Okafor und seinem Arbeitgeber über die Ausbildungsduldung.", [
    "person_name",
    "Herrn Okafor",
  ]),
  labelled("Mohammed hat den Termin bei der Botschaft wegen der Passbeschaffung verpasst.", [
    "person_name",
    "Mohammed",
  ]),
  labelled("Frau Schneider vom Jobcenter übernimmt die Anmeldung zum Integrationskurs.", [
    "person_name",
    "Frau Schneider",
  ]),
  labelled("Iryna Shevchenko und ihre Tochter sind im März 2022 aus Charkiw gekommen.", [
    "person_name",
    "Iryna Shevchenko",
  ]),
  labelled("Der Klient heißt eigentlich Yusuf Demir, nennt sich aber im Betrieb anders.", [
    "person_name",
    "Yusuf Demir",
  ]),
  labelled("Frau Amina Traoré war beim letzten Termin nicht anwesend.", [
    "person_name",
    "Frau Amina Traoré",
  ]),
  labelled("Die Ehefrau, Zahra Hosseini, möchte ebenfalls einen Sprachkurs besuchen.", [
    "person_name",
    "Zahra Hosseini",
  ]),
  labelled("Herr Ionescu ist seit Januar arbeitsuchend gemeldet.", ["person_name", "Herr Ionescu"]),
  labelled("Rückmeldung von Frau Krasniqi steht noch aus.", ["person_name", "Frau Krasniqi"]),
  labelled(
    "Frau Yılmaz geb. Demir hat die Einbürgerung beantragt.",
    ["person_name", "Frau Yılmaz"],
    ["person_name", "Demir"],
  ),
  labelled("Kofi Mensah wohnt bei seinem Onkel und sucht eine eigene Wohnung.", [
    "person_name",
    "Kofi Mensah",
  ]),
  labelled("Sein Bruder Omar lebt in Schweden und unterstützt ihn finanziell.", [
    "person_name",
    "Omar",
  ]),
  labelled("Die Begleitung zur Botschaft übernimmt Herr Kowalski von der Diakonie.", [
    "person_name",
    "Herr Kowalski",
  ]),
  labelled(
    "Herr Camara und Frau Camara haben gemeinsam einen Antrag gestellt.",
    ["person_name", "Herr Camara"],
    ["person_name", "Frau Camara"],
  ),
  labelled(
    "Anwesend: Frau Becker (KIM), Herr Weber (ABH), Frau Lange (Caritas).",
    ["person_name", "Frau Becker"],
    ["person_name", "Herr Weber"],
    ["person_name", "Frau Lange"],
  ),
  labelled("Die Klientin, Frau Bondarenko, hat die Vorladung der ABH mitgebracht.", [
    "person_name",
    "Frau Bondarenko",
  ]),
  labelled("Ousmane Sow ist seit dem 1. Oktober bei einer Zeitarbeitsfirma beschäftigt.", [
    "person_name",
    "Ousmane Sow",
  ]),
  labelled("Der Arbeitgeber, Herr Hoffmann, würde ihn gern übernehmen.", [
    "person_name",
    "Herr Hoffmann",
  ]),
  labelled("Mariam und ihre zwei Kinder leben seit 2021 im Kreis.", ["person_name", "Mariam"]),
  labelled(
    "Vorname: Dmytro, Nachname: Tkachenko.",
    ["person_name", "Dmytro"],
    ["person_name", "Tkachenko"],
  ),
  labelled("Frau Al-Khatib hat die Beratung bei der MBE abgebrochen.", [
    "person_name",
    "Frau Al-Khatib",
  ]),
  labelled("Er wohnt mit seinem Cousin Bilal zusammen in einer WG.", ["person_name", "Bilal"]),
  labelled("Herr Nguyen hat den Integrationskurs mit B1 abgeschlossen.", [
    "person_name",
    "Herr Nguyen",
  ]),
  labelled("Frau Dr. Meier (Schulpsychologin) empfiehlt eine Lernförderung.", [
    "person_name",
    "Frau Dr. Meier",
  ]),
  labelled("Ich habe mit Abdoulaye Barry telefoniert, er kommt am Dienstag.", [
    "person_name",
    "Abdoulaye Barry",
  ]),
  labelled("Herr Tesfaye war beim Termin in der Ausländerbehörde sehr angespannt.", [
    "person_name",
    "Herr Tesfaye",
  ]),
  labelled("Die Mutter, Frau Sultani, spricht nur Dari und braucht eine Sprachmittlung.", [
    "person_name",
    "Frau Sultani",
  ]),
];
