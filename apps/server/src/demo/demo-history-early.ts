import { consentFor, type DemoHistoryCase } from "./demo-history.ts";

/** Cases whose first conference was held five to eight months ago. */
export const EARLY_CASES: DemoHistoryCase[] = [
  {
    code: "RT-2026-0001",
    owner: "kim",
    summary:
      "Familie mit zwei Kindern in einem Ortsteil ohne Busanbindung am Morgen. Der Vater hat eine Stelle im Schichtbetrieb in Aussicht, die Mutter besucht einen Integrationskurs.",
    themes: ["mobility", "work", "family"],
    bases: [
      consentFor("jc", "Arbeitsaufnahme und Leistungen"),
      consentFor("caritas", "Begleitung der Familie"),
    ],
    meetings: [
      {
        monthsAgo: 8,
        day: 14,
        hour: 10,
        invited: ["jc", "caritas"],
        notes: [
          "Das Case-Management stellt die Familie vor. Der Vater kann in einem Betrieb im Gewerbegebiet in der Frühschicht anfangen; der erste Bus fährt erst nach Schichtbeginn.",
          "Das Jobcenter kann Fahrtkosten übernehmen, aber nicht die Fahrt selbst organisieren. Die Caritas kennt eine Fahrschule, die auch in einfacher Sprache unterrichtet.",
          "Der Klient möchte die Stelle unbedingt annehmen und ist bereit, anfangs mit dem Fahrrad zu fahren.",
        ],
        goals: [
          "Der Vater tritt die Stelle im Schichtbetrieb innerhalb von zwei Monaten an.",
          "Die Familie kommt ohne fremde Hilfe zu Arbeit, Kurs und Kita.",
        ],
        decisions: [
          "Das Jobcenter prüft einen Zuschuss zum Führerschein; das Case-Management fragt im Betrieb nach Fahrgemeinschaften.",
        ],
        obstacles: [
          {
            theme: "mobility",
            description: "Der erste Bus am Morgen fährt erst nach Beginn der Frühschicht.",
            proposedFix: "Rufbus oder Werksbus zu den Schichtzeiten im Gewerbegebiet",
          },
        ],
        actions: [
          {
            title: "Zuschuss zum Führerschein prüfen",
            responsible: "jc",
            dueInWeeks: 3,
            outcome: "done",
          },
          {
            title: "Im Betrieb nach Fahrgemeinschaften fragen",
            responsible: "kim",
            dueInWeeks: 2,
            outcome: "done",
          },
          {
            title: "Fahrschule mit Unterricht in einfacher Sprache vermitteln",
            responsible: "caritas",
            dueInWeeks: 6,
            outcome: "not_possible",
            reviewNote:
              "Der Betrieb hat inzwischen einen Werksbus eingerichtet; der Führerschein ist vorerst nicht nötig.",
          },
        ],
      },
      {
        monthsAgo: 6,
        day: 16,
        hour: 10,
        invited: [],
        notes: [
          "Der Vater arbeitet seit sechs Wochen im Betrieb und fährt mit dem Werksbus. Die Familie hat einen Bescheid des Jobcenters über die Anrechnung des Einkommens erhalten und nicht verstanden, was sie tun muss.",
          "Das Jobcenter erklärt den Bescheid in der Sitzung. Für den jüngeren Sohn fehlt noch ein Kita-Platz in Wohnortnähe.",
        ],
        goals: ["Die Familie versteht ihre Bescheide und reagiert fristgerecht."],
        decisions: [
          "Das Jobcenter bespricht künftige Bescheide mit der Familie, die Caritas begleitet die Kita-Anmeldung.",
        ],
        obstacles: [
          {
            theme: "dealing_with_authorities",
            description:
              "Der Bescheid über die Anrechnung des Einkommens umfasst mehrere Seiten Fachsprache; die Familie wusste nicht, ob sie etwas tun muss.",
            proposedFix: "Ein Begleitblatt in einfacher Sprache zu jedem Bescheid",
          },
        ],
        actions: [
          {
            title: "Bescheid mit der Familie in einfachen Worten durchgehen",
            responsible: "jc",
            dueInWeeks: 2,
            outcome: "done",
          },
          {
            title: "Kita-Platz in Wohnortnähe anfragen",
            responsible: "caritas",
            dueInWeeks: 8,
            outcome: "in_progress",
          },
        ],
      },
    ],
  },
  {
    code: "RT-2026-0002",
    owner: "jc",
    summary:
      "Frau Mitte dreißig, ausgebildete Pflegehelferin im Herkunftsland, seit drei Jahren im Kreis. Deutsch auf B1, möchte in der Pflege arbeiten.",
    themes: ["work", "language"],
    bases: [
      consentFor("kim", "Berufliche Anerkennung und Arbeitsaufnahme"),
      consentFor("diakonie", "Begleitung im Anerkennungsverfahren"),
    ],
    meetings: [
      {
        monthsAgo: 7,
        day: 9,
        hour: 14,
        invited: ["kim", "diakonie"],
        notes: [
          "Das Jobcenter berichtet: Die Klientin hat eine Zusage für eine Helferstelle in einem Pflegeheim, wenn sie einen Nachweis über Deutsch auf B2 für die Pflege vorlegt.",
          "Der berufsbezogene Sprachkurs im Kreis beginnt erst in fünf Monaten. Die Diakonie begleitet das Anerkennungsverfahren und kennt die fehlenden Unterlagen.",
        ],
        goals: [
          "Die Klientin arbeitet innerhalb von sechs Monaten als Pflegehelferin.",
          "Die Anerkennung des Abschlusses ist beantragt.",
        ],
        decisions: [
          "Das Jobcenter sucht einen Online-Kurs für Pflegedeutsch, bis der Kurs im Kreis beginnt.",
        ],
        obstacles: [
          {
            theme: "work",
            description:
              "Die Helferstelle hängt an einem Sprachnachweis, den es im Kreis erst nach Monaten gibt.",
            proposedFix: "Einstieg mit Sprachförderung am Arbeitsplatz statt Nachweis vorab",
          },
          {
            theme: "language",
            description:
              "Der berufsbezogene Sprachkurs Pflege hat eine Wartezeit von fünf Monaten.",
          },
        ],
        actions: [
          {
            title: "Online-Kurs Pflegedeutsch vermitteln",
            responsible: "jc",
            dueInWeeks: 2,
            outcome: "done",
          },
          {
            title: "Fehlende Unterlagen für die Anerkennung zusammenstellen",
            responsible: "diakonie",
            dueInWeeks: 4,
            outcome: "done",
          },
          {
            title: "Mit dem Pflegeheim über einen Einstieg mit Sprachförderung sprechen",
            responsible: "kim",
            dueInWeeks: 3,
            outcome: "done",
          },
        ],
      },
    ],
  },
  {
    code: "RT-2026-0003",
    owner: "ki",
    summary:
      "Alleinerziehende Mutter mit drei Kindern in einem Dorf im Norden des Kreises. Möchte einen Integrationskurs besuchen; die Kinderbetreuung am Nachmittag fehlt.",
    themes: ["family", "mobility", "language"],
    bases: [
      consentFor("kim", "Koordination der Hilfen"),
      consentFor("caritas", "Familienberatung"),
    ],
    meetings: [
      {
        monthsAgo: 6,
        day: 7,
        hour: 9,
        invited: ["kim", "caritas"],
        notes: [
          "Das Integrationszentrum stellt den Fall vor: Der nächste Integrationskurs findet in der Kreisstadt statt, eine Stunde Busfahrt mit Umstieg.",
          "Die Kurszeiten passen nicht zu den Schulzeiten der Kinder; eine Betreuung am Nachmittag gibt es im Dorf nicht.",
          "Die Caritas bietet an, einen Kurs mit Kinderbetreuung zu suchen.",
        ],
        goals: ["Die Mutter beginnt innerhalb von drei Monaten einen Integrationskurs."],
        decisions: [
          "Das Case-Management fragt beim Kursträger nach einem Online-Kurs mit Präsenztagen.",
        ],
        obstacles: [
          {
            theme: "mobility",
            description:
              "Der Kursort ist nur mit einer Stunde Busfahrt und Umstieg zu erreichen; die Rückfahrt passt nicht zu den Schulzeiten.",
            proposedFix:
              "Integrationskurse auch in den Dörfern oder als Online-Kurs mit wenigen Präsenztagen",
          },
          {
            theme: "family",
            description: "Im Dorf gibt es keine Betreuung für Schulkinder am Nachmittag.",
          },
        ],
        actions: [
          {
            title: "Kursträger nach einem Online-Kurs mit Präsenztagen fragen",
            responsible: "kim",
            dueInWeeks: 2,
            outcome: "done",
          },
          {
            title: "Kurs mit Kinderbetreuung im Kreis suchen",
            responsible: "caritas",
            dueInWeeks: 4,
            outcome: "done",
          },
          {
            title: "Offene Ganztagsschule für die beiden älteren Kinder anfragen",
            responsible: "ki",
            dueInWeeks: 6,
            outcome: "in_progress",
          },
        ],
      },
    ],
  },
  {
    code: "RT-2026-0004",
    owner: "caritas",
    summary:
      "Mann Ende zwanzig, anerkannter Flüchtling, gelernter Schweißer. Sucht eine Stelle; Nachweise aus dem Herkunftsland sind unvollständig.",
    themes: ["work", "dealing_with_authorities"],
    bases: [consentFor("jc", "Arbeitsvermittlung"), consentFor("kim", "Koordination der Hilfen")],
    meetings: [
      {
        monthsAgo: 5,
        day: 12,
        hour: 11,
        invited: ["jc", "kim"],
        notes: [
          "Die Migrationsberatung stellt den Fall vor. Der Klient hat mehrere Jahre als Schweißer gearbeitet, kann das aber nur teilweise belegen.",
          "Das Jobcenter schlägt eine Qualifikationsanalyse in einem Betrieb vor; das dauert erfahrungsgemäß zwei bis drei Monate bis zum Termin.",
        ],
        goals: ["Der Klient hat innerhalb von vier Monaten eine Stelle als Schweißer oder Helfer."],
        decisions: [
          "Das Jobcenter beantragt die Qualifikationsanalyse; bis dahin sucht es Helferstellen.",
        ],
        obstacles: [
          {
            theme: "work",
            description:
              "Berufserfahrung ohne vollständige Nachweise wird erst nach einer monatelangen Prüfung anerkannt; Betriebe stellen bis dahin nicht ein.",
            proposedFix: "Probearbeit mit Begleitung durch das Jobcenter als Nachweis anerkennen",
          },
        ],
        actions: [
          {
            title: "Qualifikationsanalyse beantragen",
            responsible: "jc",
            dueInWeeks: 2,
            outcome: "done",
          },
          {
            title: "Helferstellen in Metallbetrieben heraussuchen",
            responsible: "jc",
            dueInWeeks: 4,
            outcome: "in_progress",
          },
          {
            title: "Schweißkurs der Handwerkskammer anfragen",
            responsible: "kim",
            dueInWeeks: 6,
            outcome: "not_possible",
            reviewNote:
              "Der Klient hat inzwischen eine Helferstelle mit Einarbeitung im Betrieb; der Kurs ist nicht mehr nötig.",
          },
        ],
      },
      {
        monthsAgo: 2,
        day: 4,
        hour: 11,
        invited: [],
        notes: [
          "Der Klient arbeitet seit einem Monat als Helfer in einem Metallbetrieb. Die Qualifikationsanalyse ist für den nächsten Monat angesetzt.",
          "Er hat ein Schreiben der Familienkasse erhalten und es nicht verstanden; eine Frist ist fast abgelaufen.",
        ],
        goals: ["Der Klient arbeitet als Fachkraft, sobald die Analyse vorliegt."],
        decisions: [
          "Die Migrationsberatung geht das Schreiben mit ihm durch und hilft bei der Antwort.",
        ],
        obstacles: [
          {
            theme: "dealing_with_authorities",
            description:
              "Schreiben der Familienkasse mit kurzer Frist in Behördensprache; ohne Beratung wäre die Frist verstrichen.",
            proposedFix: "Kurze Zusammenfassung in einfacher Sprache am Anfang jedes Schreibens",
          },
        ],
        actions: [
          {
            title: "Antwort an die Familienkasse mit dem Klienten schreiben",
            responsible: "caritas",
            dueInWeeks: 1,
            outcome: "done",
          },
          {
            title: "Ergebnis der Qualifikationsanalyse mit dem Arbeitgeber besprechen",
            responsible: "jc",
            dueInWeeks: 6,
            outcome: "open",
          },
        ],
      },
    ],
  },
  {
    code: "RT-2026-0005",
    owner: "kim",
    summary:
      "Junger Mann, 20 Jahre, im zweiten Ausbildungsjahr zum Anlagenmechaniker. Der Betrieb liegt abseits; die Berufsschule ist in der Nachbarstadt.",
    themes: ["training", "mobility"],
    bases: [
      consentFor("jc", "Ausbildung sichern"),
      consentFor("abh", "Aufenthalt während der Ausbildung"),
    ],
    meetings: [
      {
        monthsAgo: 4,
        day: 10,
        hour: 15,
        invited: ["jc", "abh"],
        notes: [
          "Der Ausbildungsbetrieb meldet häufige Verspätungen an den Berufsschultagen. Der Auszubildende braucht mit Bus und Bahn fast zwei Stunden für eine Strecke.",
          "Die Ausländerbehörde bestätigt, dass die Ausbildungsduldung an der Ausbildung hängt; ein Abbruch hätte Folgen für den Aufenthalt.",
          "Das Jobcenter kann ausbildungsbegleitende Hilfen anbieten.",
        ],
        goals: ["Der Auszubildende schließt das zweite Ausbildungsjahr ab."],
        decisions: [
          "Das Case-Management spricht mit dem Betrieb über angepasste Arbeitszeiten an Berufsschultagen.",
        ],
        obstacles: [
          {
            theme: "mobility",
            description:
              "Fast zwei Stunden Fahrt zur Berufsschule mit Bus und Bahn, der letzte Bus zurück fährt früh.",
            proposedFix: "Azubi-Ticket mit Anschluss an einen Rufbus",
          },
          {
            theme: "training",
            description:
              "Die Ausbildung droht an den Fahrzeiten und an Fachbegriffen in der Berufsschule zu scheitern.",
            proposedFix: "Ausbildungsbegleitende Hilfen früh und ohne Antrag des Betriebs anbieten",
          },
        ],
        actions: [
          {
            title: "Ausbildungsbegleitende Hilfen einrichten",
            responsible: "jc",
            dueInWeeks: 3,
            outcome: "done",
          },
          {
            title: "Mit dem Betrieb über Arbeitszeiten an Berufsschultagen sprechen",
            responsible: "kim",
            dueInWeeks: 2,
            outcome: "done",
          },
          {
            title: "Verlängerung der Ausbildungsduldung vorbereiten",
            responsible: "abh",
            dueInWeeks: 10,
            outcome: "open",
          },
        ],
      },
    ],
  },
  {
    code: "RT-2026-0006",
    owner: "abh",
    summary:
      "Ehepaar Mitte fünfzig, seit acht Jahren geduldet. Die Identität ist ungeklärt; beide möchten die Voraussetzungen für einen sicheren Aufenthalt erfüllen.",
    themes: ["residence", "identity_clarification", "dealing_with_authorities"],
    bases: [
      consentFor("kim", "Aufenthaltssicherung"),
      consentFor("diakonie", "Begleitung im Verfahren"),
    ],
    meetings: [
      {
        monthsAgo: 4,
        day: 22,
        hour: 10,
        invited: ["kim", "diakonie"],
        notes: [
          "Die Ausländerbehörde erläutert, welche Schritte zur Klärung der Identität zumutbar sind und was bisher vorliegt.",
          "Das Ehepaar hat mehrere Schreiben der Behörde nicht beantwortet, weil es sie nicht verstanden hat und Angst vor der Behörde hat.",
          "Die Diakonie begleitet künftig jeden Termin bei der Behörde.",
        ],
        goals: ["Die Schritte zur Identitätsklärung sind innerhalb von drei Monaten unternommen."],
        decisions: [
          "Die Ausländerbehörde schickt künftige Schreiben auch an die Diakonie, soweit das Ehepaar einwilligt.",
        ],
        obstacles: [
          {
            theme: "dealing_with_authorities",
            description:
              "Schreiben der Ausländerbehörde blieben unbeantwortet, weil sie nicht verstanden wurden und Angst vor Nachteilen bestand.",
            proposedFix:
              "Persönliches Erstgespräch statt Schreiben, wenn eine Mitwirkung verlangt wird",
          },
        ],
        actions: [
          {
            title: "Liste der zumutbaren Schritte zur Identitätsklärung aushändigen",
            responsible: "abh",
            dueInWeeks: 1,
            outcome: "done",
          },
          {
            title: "Termin beim Konsulat mit dem Ehepaar vorbereiten",
            responsible: "diakonie",
            dueInWeeks: 6,
            outcome: "in_progress",
          },
          {
            title: "Deutschkurs für beide suchen",
            responsible: "kim",
            dueInWeeks: 4,
            outcome: "open",
          },
        ],
      },
    ],
  },
];
