import { labelled } from "./labelled.ts";

/** Postal addresses: street with house number, postcode with town, or both as one span. */
export const addressSentences = [
  labelled("Der Klient wohnt in der Bahnhofstraße 12 bei seinem Onkel.", [
    "address",
    "Bahnhofstraße 12",
  ]),
  labelled("Neue Anschrift: Lagesche Str. 5a, 32756 Detmold.", [
    "address",
    "Lagesche Str. 5a, 32756 Detmold",
  ]),
  labelled("Die Familie ist in den Birkenweg 3 umgezogen.", ["address", "Birkenweg 3"]),
  labelled("Meldeadresse: Am Markt 7, 33602 Bielefeld", ["address", "Am Markt 7, 33602 Bielefeld"]),
  labelled("Wohnhaft Paderborner Straße 118, 32760 Detmold.", [
    "address",
    "Paderborner Straße 118, 32760 Detmold",
  ]),
  labelled("Post kommt nicht an, weil am Lindenplatz 4 kein Name am Briefkasten steht.", [
    "address",
    "Lindenplatz 4",
  ]),
  labelled("Unterkunft Hauptstr. 22-24, Zimmer 9.", ["address", "Hauptstr. 22-24"]),
  labelled("Sie wohnt jetzt bei einer Freundin in 75175 Pforzheim.", [
    "address",
    "75175 Pforzheim",
  ]),
  labelled("Der Vermieter (Kastanienallee 15) droht mit Kündigung.", [
    "address",
    "Kastanienallee 15",
  ]),
  labelled("Umzug nach 53879 Euskirchen zum 1. Juni geplant.", ["address", "53879 Euskirchen"]),
  labelled("Adresse: Mühlengasse 2 b, 32657 Lemgo", ["address", "Mühlengasse 2 b, 32657 Lemgo"]),
  labelled("Er schläft zurzeit bei Bekannten in der Kaiserstraße 41.", [
    "address",
    "Kaiserstraße 41",
  ]),
  labelled("Die Schule liegt am Hermannsring 9, gut mit dem Bus erreichbar.", [
    "address",
    "Hermannsring 9",
  ]),
  labelled(
    "Zuweisung in die Unterkunft Detmolder Straße 230 in 32791 Lage.",
    ["address", "Detmolder Straße 230"],
    ["address", "32791 Lage"],
  ),
  labelled("Neue Wohnung: Ginsterweg 11, 2. OG links.", ["address", "Ginsterweg 11"]),
  labelled("Die Wohnung in der Schillerstraße 8, 50667 Köln, ist zu klein für fünf Personen.", [
    "address",
    "Schillerstraße 8, 50667 Köln",
  ]),
  labelled("Postanschrift c/o Caritas, Leopoldstraße 16, 32756 Detmold", [
    "address",
    "Leopoldstraße 16, 32756 Detmold",
  ]),
  labelled("Er sucht eine Wohnung in Detmold oder Lage, möglichst mit Busanbindung."),
  labelled("Die Familie wohnt in einem Ortsteil ohne Busverbindung am Abend."),
  labelled("Der Ausbildungsplatz 2026 ist noch nicht sicher, der Arbeitgeber zögert."),
  labelled("Auf dem Arbeitsweg 2 Mal umsteigen ist mit Kind kaum machbar."),
  labelled("Die Stadt hat 40.000 Papierakten, die digitalisiert werden."),
  labelled("Für den Kitaplatz 2027 muss die Anmeldung bis Ende Januar erfolgen."),
  labelled("Im Landkreis gibt es rund 380 geduldete Personen, 48 wechselten in § 104c."),
];
