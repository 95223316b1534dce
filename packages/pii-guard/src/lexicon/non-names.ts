/**
 * Capitalised words that follow "Herr"/"Frau" or stand next to a name but are not names:
 * sentence-initial function words, roles, agencies and programmes, months, weekdays and
 * time words. German capitalises every noun, so this list keeps the salutation rule honest.
 */
const FUNCTION_WORDS =
  "Der Die Das Den Dem Des Ein Eine Einer Einem Eines Er Sie Es Wir Ihr Ich Du Man Sein Seine Seinem Seiner Ihre Ihrem Ihrer Unser Unsere Dieser Diese Dieses Jeder Jede Alle Am Im An Auf Aus Bei Beim Mit Nach Von Vom Vor Zu Zum Zur Für Gegen Ohne Um Über Unter Zwischen Seit Bis Ab Laut Dann Danach Heute Morgen Gestern Noch Nur Auch Aber Und Oder Doch Wenn Weil Dass Ob Als Wie Wo Was Wer Hier Dort Jetzt Bereits Zudem Außerdem Ebenfalls Leider Bitte Ja Nein Nicht Kein Keine Sehr Ganz Wegen Trotz Während Gemäß Sowie Bzw Ggf Evtl Zurzeit Aktuell Derzeit Inzwischen Mittlerweile";

const ROLES =
  "Klient Klientin Klienten Kollege Kollegin Kollegen Sachbearbeiter Sachbearbeiterin Fallmanager Fallmanagerin Berater Beraterin Betreuer Betreuerin Sozialarbeiter Sozialarbeiterin Dolmetscher Dolmetscherin Sprachmittler Sprachmittlerin Vormund Arbeitgeber Arbeitgeberin Lehrer Lehrerin Doktor Direktor Direktorin Anwalt Anwältin Rechtsanwalt Rechtsanwältin Bürgermeister Bürgermeisterin Vorsitzende Vorsitzender Leiter Leiterin Integrationslotsin Integrationslotse Ausbilder Ausbilderin Vermieter Vermieterin Nachbar Nachbarin Ehrenamtliche Ehrenamtlicher Praktikant Praktikantin Azubi Richterin Ärztin Arzt Pfarrer Pfarrerin Professor Professorin Minister Ministerin Kursleiter Kursleiterin";

const AGENCIES_AND_PROGRAMMES =
  "Jobcenter Ausländerbehörde ABH KIM Caritas Diakonie DRK AWO BAMF JMD MBE KI EBH Integrationskurs Sprachkurs Berufssprachkurs Orientierungskurs Alphakurs Integrationszentrum Einbürgerungsbehörde Agentur Arbeit Arbeitsagentur Jugendamt Sozialamt Gesundheitsamt Standesamt Bürgeramt Kreis Stadt Landkreis Gemeinde Schule Berufsschule Kita Botschaft Konsulat Gericht Verwaltungsgericht Amtsgericht Landgericht Polizei IHK HWK VHS Volkshochschule Klinik Krankenhaus Rathaus Migrationsberatung Jugendmigrationsdienst Beratungsstelle Fallkonferenz Wiedervorlage Duldung Aufenthaltserlaubnis Ausbildung Ausbildungsduldung Beschäftigungsduldung";

const TIME_WORDS =
  "Januar Februar März April Mai Juni Juli August September Oktober November Dezember Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag Mitte Anfang Ende Beginn Frühjahr Sommer Herbst Winter Woche Monat Jahr Termin Frist";

const COUNTRIES_AND_LANGUAGES =
  "Deutschland Syrien Afghanistan Irak Iran Türkei Ukraine Guinea Gambia Nigeria Ghana Eritrea Somalia Polen Rumänien Bulgarien Kosovo Albanien Serbien Russland Arabisch Dari Paschtu Farsi Kurdisch Türkisch Ukrainisch Russisch Englisch Französisch Deutsch Tigrinya";

export const NON_NAME_WORDS = [
  FUNCTION_WORDS,
  ROLES,
  AGENCIES_AND_PROGRAMMES,
  TIME_WORDS,
  COUNTRIES_AND_LANGUAGES,
].join(" ");

/** Words before "Herr"/"Frau"/"Familie" that make it an ordinary noun ("seine Frau"). */
export const DETERMINERS =
  "der die das den dem des ein eine einer einem eines sein seine seinem seiner seinen ihr ihre ihrem ihrer ihren unsere keine keiner jede jeder diese dieser";
