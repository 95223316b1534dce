/**
 * Capitalised words that follow "Herr"/"Frau" or stand next to a name but are not names:
 * sentence-initial function words, roles, agencies and programmes, months, weekdays and
 * time words. German capitalises every noun, so this list keeps the salutation rule honest.
 */
const FUNCTION_WORDS =
  "Der Die Das Den Dem Des Ein Eine Einer Einem Eines Er Sie Es Wir Ihr Ich Du Man Sein Seine Seinem Seiner Ihre Ihrem Ihrer Unser Unsere Dieser Diese Dieses Jeder Jede Alle Am Im An Auf Aus Bei Beim Mit Nach Von Vom Vor Zu Zum Zur Für Gegen Ohne Um Über Unter Zwischen Seit Bis Ab Laut Dann Danach Heute Morgen Gestern Noch Nur Auch Aber Und Oder Doch Wenn Weil Dass Ob Als Wie Wo Was Wer Hier Dort Jetzt Bereits Zudem Außerdem Ebenfalls Leider Bitte Ja Nein Nicht Kein Keine Sehr Ganz Wegen Trotz Während Gemäß Sowie Bzw Ggf Evtl Zurzeit Aktuell Derzeit Inzwischen Mittlerweile";

const ROLES =
  "Klient Klientin Klienten Kollege Kollegin Kollegen Sachbearbeiter Sachbearbeiterin Fallmanager Fallmanagerin Berater Beraterin Betreuer Betreuerin Sozialarbeiter Sozialarbeiterin Dolmetscher Dolmetscherin Sprachmittler Sprachmittlerin Vormund Arbeitgeber Arbeitgeberin Lehrer Lehrerin Doktor Direktor Direktorin Anwalt Anwältin Rechtsanwalt Rechtsanwältin Bürgermeister Bürgermeisterin Vorsitzende Vorsitzender Leiter Leiterin Integrationslotsin Integrationslotse Ausbilder Ausbilderin Vermieter Vermieterin Nachbar Nachbarin Ehrenamtliche Ehrenamtlicher Praktikant Praktikantin Azubi Richterin Ärztin Arzt Pfarrer Pfarrerin Professor Professorin Minister Ministerin Kursleiter Kursleiterin Landrat Landrätin Oberbürgermeister Oberbürgermeisterin Dezernent Dezernentin Amtsleiter Amtsleiterin Staatssekretär Staatssekretärin Abgeordneter Abgeordnete Pastor Pastorin Imam Schulleiter Schulleiterin Rektor Rektorin Konrektor Konrektorin Richter Notar Notarin Gutachter Gutachterin Therapeut Therapeutin Psychologe Psychologin Hebamme Erzieher Erzieherin Schüler Schülerin Student Studentin";

// Nouns that follow "der Familie", "dem Sohn" as an object ("der Familie Hilfe geben"), where
// a family or given name could stand too.
const OBJECT_NOUNS =
  "Bescheid Hilfe Geld Zeit Mut Rat Tipps Kleidung Essen Möbel Platz Arbeit Sachen Papiere Unterlagen Post Besuch Nachricht Auskunft Ruhe Kraft Halt Raum Schutz Angst Sorgen Probleme Zugang Recht Chance Perspektive Bleiberecht Nachhilfe Deutschunterricht Unterricht Bus Fahrrad Handy Laptop Internet Wohnraum Sicherheit Bericht Antwort Frage Fragen Bescheinigung Brief Briefe";

const AGENCIES_AND_PROGRAMMES =
  "Jobcenter Ausländerbehörde ABH KIM Caritas Diakonie DRK AWO BAMF JMD MBE KI EBH Integrationskurs Sprachkurs Berufssprachkurs Orientierungskurs Alphakurs Integrationszentrum Einbürgerungsbehörde Agentur Arbeit Arbeitsagentur Jugendamt Sozialamt Gesundheitsamt Standesamt Bürgeramt Kreis Stadt Landkreis Gemeinde Schule Berufsschule Kita Botschaft Konsulat Gericht Verwaltungsgericht Amtsgericht Landgericht Polizei IHK HWK VHS Volkshochschule Klinik Krankenhaus Rathaus Migrationsberatung Jugendmigrationsdienst Beratungsstelle Fallkonferenz Wiedervorlage Duldung Aufenthaltserlaubnis Ausbildung Ausbildungsduldung Beschäftigungsduldung";

const TIME_WORDS =
  "Januar Februar März April Mai Juni Juli August September Oktober November Dezember Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag Mitte Anfang Ende Beginn Frühjahr Sommer Herbst Winter Woche Monat Jahr Termin Frist Weihnachten Ostern Silvester Pfingsten Neujahr";

const COUNTRIES_AND_LANGUAGES =
  "Deutschland Syrien Afghanistan Irak Iran Türkei Ukraine Guinea Gambia Nigeria Ghana Eritrea Somalia Polen Rumänien Bulgarien Kosovo Albanien Serbien Russland Arabisch Dari Paschtu Farsi Kurdisch Türkisch Ukrainisch Russisch Englisch Französisch Deutsch Tigrinya Kurmanci Kurmancî Sorani Somali Amharisch Albanisch Serbisch Bosnisch Kroatisch Mazedonisch Rumänisch Polnisch Georgisch Armenisch Persisch Urdu Pashto Oromo Fula Wolof Mandinka Yoruba Igbo Hausa Twi Kosovo Mazedonien Montenegro Bosnien Eritreas Äthiopien Sudan Libanon Jordanien Marokko Algerien Tunesien Libyen Jemen Pakistan Georgien Armenien Aserbaidschan Moldau Belarus Kamerun Senegal Mali Sierra Leone Elfenbeinküste Kongo Togo Benin Niger Burkina Faso Costa Rica Sri Lanka";

// Towns people come from or move to: two of them side by side look like a foreign name
// ("nach Addis Abeba"), and the notes may name places of events.
const PLACES =
  "Addis Abeba Asmara Keren Massawa Mekele Kabul Herat Mazar Sharif Kandahar Dschalalabad Kundus Ghazni Teheran Maschhad Damaskus Aleppo Homs Hama Idlib Latakia Daraa Deir Zor Raqqa Afrin Kobane Kobanê Qamishli Hasaka Erbil Duhok Dohuk Sulaimaniyya Kirkuk Mossul Bagdad Basra Sindschar Beirut Amman Istanbul Ankara Izmir Gaziantep Diyarbakir Diyarbakır Mardin Van Urfa Conakry Kankan Accra Kumasi Lagos Abuja Kano Freetown Banjul Dakar Bamako Abidjan Niamey Lomé Mogadischu Hargeisa Khartum Tripolis Kiew Charkiw Odesa Lwiw Mariupol Dnipro Saporischschja Cherson Minsk Sarajevo Tuzla Mostar Pristina Priština Prizren Tirana Skopje Belgrad Kragujevac Novi Sad Podgorica Tiflis Jerewan Chisinau Bukarest Sofia Detmold Lemgo Lage Bielefeld Paderborn Blomberg Minden Herford Gütersloh Horn Bad Salzuflen Oerlinghausen Schieder Schwalenberg Barntrup Extertal Kalletal Leopoldshöhe Augustdorf Schlangen Dörentrup";

// Heads of names of firms and places ("Firma Schulte", "Café Mondial"), not people.
const INSTITUTION_HEADS =
  "Firma Café Cafe Hotel Restaurant Praxis Bäckerei Kanzlei Friseur Laden Team Projekt Haus Verein Stiftung Zentrum Treff Netzwerk Initiative Moschee Kirche Gemeindehaus Kita Kurs Salon Studio Mama Papa Oma Opa Thema Konto Büro Foto Info Auto Kino Taxi Uni Pizza";

export const NON_NAME_WORDS = [
  FUNCTION_WORDS,
  ROLES,
  AGENCIES_AND_PROGRAMMES,
  TIME_WORDS,
  COUNTRIES_AND_LANGUAGES,
  OBJECT_NOUNS,
  PLACES,
  INSTITUTION_HEADS,
].join(" ");

/** Words before "Herr"/"Frau"/"Familie" that make it an ordinary noun ("seine Frau"). */
export const DETERMINERS =
  "der die das den dem des ein eine einer einem eines sein seine seinem seiner seinen ihr ihre ihrem ihrer ihren unsere keine keiner jede jeder diese dieser";
