import { consentFor, type DemoHistoryCase } from "./demo-history.ts";

/** Cases whose conferences were held in the last three months. */
export const RECENT_CASES: DemoHistoryCase[] = [
  {
    code: "RT-2026-0008",
    owner: "kim",
    summary:
      "Mann Anfang dreißig, subsidiär schutzberechtigt, wohnt in einer Gemeinschaftsunterkunft. Hat eine Stelle als Lagerhelfer in Aussicht und sucht eine Wohnung.",
    themes: ["work", "housing"],
    bases: [
      consentFor("jc", "Arbeitsaufnahme und Wohnungssuche"),
      consentFor("caritas", "Wohnungssuche"),
    ],
    meetings: [
      {
        monthsAgo: 3,
        day: 18,
        hour: 13,
        invited: ["jc", "caritas"],
        notes: [
          "Der Arbeitgeber möchte den Klienten einstellen, war aber unsicher, ob die Schutzberechtigung eine Beschäftigung erlaubt; das ist in der Sitzung geklärt worden.",
          "Die Wohnungssuche läuft seit einem Jahr ohne Erfolg. Vermieter lehnen ab, sobald das Jobcenter die Miete zahlen soll.",
        ],
        goals: [
          "Der Klient arbeitet ab dem nächsten Monat als Lagerhelfer.",
          "Der Klient hat innerhalb eines halben Jahres eine eigene Wohnung.",
        ],
        decisions: ["Das Jobcenter stellt eine Mietübernahmebescheinigung vorab aus."],
        obstacles: [
          {
            theme: "work",
            description:
              "Arbeitgeber sind unsicher, was die Schutzberechtigung für eine Einstellung bedeutet, und zögern deshalb.",
            proposedFix: "Ein Merkblatt des Jobcenters für Arbeitgeber zu den Aufenthaltstiteln",
          },
          {
            theme: "housing",
            description: "Vermieter lehnen ab, sobald die Miete vom Jobcenter gezahlt werden soll.",
            proposedFix: "Mietgarantie des Kreises für die ersten Monate",
          },
        ],
        actions: [
          {
            title: "Mietübernahmebescheinigung vorab ausstellen",
            responsible: "jc",
            dueInWeeks: 1,
            outcome: "done",
          },
          {
            title: "Wohnungsangebote gemeinsam mit dem Klienten sichten",
            responsible: "caritas",
            dueInWeeks: 8,
            outcome: "in_progress",
          },
          {
            title: "Arbeitsvertrag vor der Unterschrift mit dem Klienten durchgehen",
            responsible: "kim",
            dueInWeeks: 2,
            outcome: "done",
          },
        ],
      },
    ],
  },
  {
    code: "RT-2026-0009",
    owner: "diakonie",
    summary:
      "Junge Frau, 24 Jahre, mit einem Kleinkind in einem Dorf ohne Anbindung am Abend. Besucht einen Abendkurs Deutsch B1 in der Kreisstadt.",
    themes: ["mobility", "language", "family"],
    bases: [consentFor("kim", "Koordination der Hilfen"), consentFor("ki", "Kursangebote")],
    meetings: [
      {
        monthsAgo: 2,
        day: 8,
        hour: 16,
        invited: ["kim", "ki"],
        notes: [
          "Die Flüchtlingsberatung berichtet: Der Abendkurs endet um 21 Uhr, der letzte Bus ins Dorf fährt um 20 Uhr. Die Klientin hat den Kurs deshalb zweimal abgebrochen.",
          "Das Integrationszentrum kennt einen Kurs am Vormittag mit Kinderbetreuung, allerdings mit Wartezeit.",
        ],
        goals: ["Die Klientin schließt den Kurs B1 innerhalb eines Jahres ab."],
        decisions: ["Das Integrationszentrum meldet die Klientin für den Vormittagskurs an."],
        obstacles: [
          {
            theme: "mobility",
            description: "Der letzte Bus ins Dorf fährt vor dem Ende des Abendkurses.",
            proposedFix: "Anrufsammeltaxi nach Kursende zum Bustarif",
          },
        ],
        actions: [
          {
            title: "Für den Vormittagskurs mit Kinderbetreuung anmelden",
            responsible: "ki",
            dueInWeeks: 2,
            outcome: "done",
          },
          {
            title: "Mitfahrgelegenheiten aus dem Kurs erfragen",
            responsible: "diakonie",
            dueInWeeks: 3,
            outcome: "open",
          },
        ],
      },
    ],
  },
  {
    code: "RT-2026-0010",
    owner: "jc",
    summary:
      "Mann Mitte vierzig, seit fünf Jahren im Kreis, arbeitet als Aushilfe in der Gastronomie. Schulden aus einem Handyvertrag, möchte Vollzeit arbeiten.",
    themes: ["work", "finances"],
    bases: [consentFor("caritas", "Schuldnerberatung und Arbeit")],
    meetings: [
      {
        monthsAgo: 2,
        day: 15,
        hour: 9,
        invited: ["caritas"],
        notes: [
          "Das Jobcenter stellt den Fall vor: Der Klient hat eine Vollzeitstelle in Aussicht, fürchtet aber eine Pfändung des Lohns wegen alter Schulden.",
          "Die Caritas bietet einen Termin in der Schuldnerberatung an; die Wartezeit beträgt dort zurzeit zwei Monate.",
        ],
        goals: ["Der Klient nimmt die Vollzeitstelle an und hat einen Plan für seine Schulden."],
        decisions: [
          "Die Caritas zieht den Termin in der Schuldnerberatung wegen der Arbeitsaufnahme vor.",
        ],
        obstacles: [
          {
            theme: "work",
            description: "Angst vor Lohnpfändung hält davon ab, eine Vollzeitstelle anzunehmen.",
          },
          {
            theme: "finances",
            description: "Zwei Monate Wartezeit auf einen Termin in der Schuldnerberatung.",
            proposedFix: "Kurzberatung ohne Wartezeit bei anstehender Arbeitsaufnahme",
          },
        ],
        actions: [
          {
            title: "Termin in der Schuldnerberatung vorziehen",
            responsible: "caritas",
            dueInWeeks: 1,
            outcome: "done",
          },
          {
            title: "Pfändungsschutzkonto erklären und einrichten helfen",
            responsible: "caritas",
            dueInWeeks: 3,
            outcome: "done",
          },
          {
            title: "Einstiegsgeld bei Arbeitsaufnahme prüfen",
            responsible: "jc",
            dueInWeeks: 4,
            outcome: "open",
          },
        ],
      },
    ],
  },
  {
    code: "RT-2026-0011",
    owner: "kim",
    summary:
      "Junge Frau, 18 Jahre, hat die Ausbildung zur Verkäuferin nach drei Monaten abgebrochen. Möchte eine neue Ausbildung beginnen.",
    themes: ["training", "language", "education"],
    bases: [consentFor("jc", "Ausbildung"), consentFor("ki", "Bildungsberatung")],
    meetings: [
      {
        monthsAgo: 2,
        day: 22,
        hour: 14,
        invited: ["jc", "ki"],
        notes: [
          "Das Case-Management berichtet: Die Klientin hat die Ausbildung abgebrochen, weil sie den Unterricht in der Berufsschule nicht verstanden hat und sich nicht getraut hat, das zu sagen.",
          "Im Betrieb kam sie gut zurecht. Der Betrieb würde sie im nächsten Jahr wieder nehmen.",
        ],
        goals: ["Die Klientin beginnt im nächsten Ausbildungsjahr erneut eine Ausbildung."],
        decisions: [
          "Das Integrationszentrum vermittelt einen Sprachkurs mit Fachsprache Handel bis dahin.",
        ],
        obstacles: [
          {
            theme: "training",
            description:
              "Die Ausbildung wurde abgebrochen, weil der Berufsschulunterricht sprachlich nicht zu bewältigen war und niemand es bemerkt hat.",
            proposedFix: "Ansprechperson in der Berufsschule für Auszubildende mit wenig Deutsch",
          },
          {
            theme: "language",
            description:
              "Es gibt keinen berufsbezogenen Sprachkurs für Auszubildende im ersten Jahr.",
          },
        ],
        actions: [
          {
            title: "Sprachkurs mit Fachsprache Handel vermitteln",
            responsible: "ki",
            dueInWeeks: 3,
            outcome: "done",
          },
          {
            title: "Mit dem Betrieb über einen Neubeginn sprechen",
            responsible: "kim",
            dueInWeeks: 4,
            outcome: "in_progress",
          },
          {
            title: "Einstiegsqualifizierung bis zum Ausbildungsbeginn prüfen",
            responsible: "jc",
            dueInWeeks: 4,
            outcome: "open",
          },
        ],
      },
    ],
  },
  {
    code: "RT-2026-0013",
    owner: "ki",
    summary:
      "Familie mit vier Kindern, seit einem Jahr im Kreis, lebt in einer zu kleinen Wohnung. Die Eltern sind mit der Post der Behörden überfordert.",
    themes: ["housing", "dealing_with_authorities", "family"],
    bases: [
      consentFor("kim", "Koordination der Hilfen"),
      consentFor("jc", "Leistungen und Wohnung"),
    ],
    meetings: [
      {
        monthsAgo: 2,
        day: 25,
        hour: 10,
        invited: ["kim", "jc"],
        notes: [
          "Das Integrationszentrum stellt die Familie vor. Sechs Personen leben auf zwei Zimmern; eine größere Wohnung ist im Ort nicht zu finden.",
          "Das Jobcenter erklärt, bis zu welcher Miete es eine größere Wohnung übernimmt.",
        ],
        goals: ["Die Familie wohnt innerhalb eines Jahres in einer ausreichend großen Wohnung."],
        decisions: [
          "Das Jobcenter nennt der Familie die Mietobergrenze schriftlich und in einfacher Sprache.",
        ],
        obstacles: [
          {
            theme: "housing",
            description:
              "Große Wohnungen innerhalb der Mietobergrenze gibt es im Ort praktisch nicht.",
            proposedFix: "Mietobergrenzen für große Familien an den Markt anpassen",
          },
        ],
        actions: [
          {
            title: "Mietobergrenze schriftlich in einfacher Sprache mitteilen",
            responsible: "jc",
            dueInWeeks: 1,
            outcome: "done",
          },
          {
            title: "Wohnberechtigungsschein beantragen helfen",
            responsible: "kim",
            dueInWeeks: 3,
            outcome: "done",
          },
          {
            title: "Wohnungstausch über die Wohnungsbaugesellschaft anfragen",
            responsible: "ki",
            dueInWeeks: 4,
            outcome: "not_possible",
            reviewNote:
              "Die Wohnungsbaugesellschaft bietet keinen Tausch mehr an; die Familie ist auf der Warteliste.",
          },
        ],
      },
      {
        monthsAgo: 1,
        day: 6,
        hour: 10,
        invited: [],
        notes: [
          "Die Familie hat den Wohnberechtigungsschein. Sie hat drei Schreiben verschiedener Stellen zur Kita-Gebühr, zum Kindergeld und zur Miete erhalten und nicht gewusst, welches eilig ist.",
          "Das Case-Management schlägt vor, die Post einmal in der Woche gemeinsam durchzusehen.",
        ],
        goals: ["Die Eltern erkennen eilige Schreiben selbst und wissen, wen sie fragen können."],
        decisions: ["Das Case-Management bietet eine wöchentliche Sprechstunde für die Post an."],
        obstacles: [
          {
            theme: "dealing_with_authorities",
            description:
              "Die Familie bekommt zur selben Zeit Schreiben von drei Stellen mit Fristen, ohne dass erkennbar ist, was eilig ist.",
            proposedFix:
              "Ein gemeinsamer Ansprechpartner der Stellen für Familien mit vielen Bescheiden",
          },
        ],
        actions: [
          {
            title: "Wöchentliche Sprechstunde für die Post einrichten",
            responsible: "kim",
            dueInWeeks: 1,
            outcome: "done",
          },
          {
            title: "Bescheid zur Kita-Gebühr prüfen",
            responsible: "ki",
            dueInWeeks: 2,
            outcome: "open",
          },
        ],
        reviewInWeeks: 10,
      },
    ],
  },
  {
    code: "RT-2026-0014",
    owner: "abh",
    summary:
      "Mann Ende zwanzig, geduldet, seit sechs Jahren im Kreis, arbeitet als Reinigungskraft. Prüfung einer Aufenthaltserlaubnis für gut integrierte Erwachsene.",
    themes: ["residence", "work"],
    bases: [consentFor("kim", "Aufenthaltssicherung"), consentFor("jc", "Arbeit")],
    meetings: [
      {
        monthsAgo: 1,
        day: 11,
        hour: 11,
        invited: ["kim", "jc"],
        notes: [
          "Die Ausländerbehörde erklärt die Voraussetzungen: überwiegende Sicherung des Lebensunterhalts, Deutsch auf A2, Kenntnisse der Rechtsordnung.",
          "Der Klient arbeitet in Teilzeit; mit einer Vollzeitstelle wäre der Lebensunterhalt gesichert. Der Arbeitgeber wartet auf eine längere Erlaubnis, bevor er den Vertrag ausweitet.",
        ],
        goals: ["Der Klient erhält innerhalb eines Jahres eine Aufenthaltserlaubnis."],
        decisions: [
          "Die Ausländerbehörde bestätigt dem Arbeitgeber schriftlich, dass das Verfahren läuft.",
        ],
        obstacles: [
          {
            theme: "work",
            description:
              "Der Arbeitgeber weitet den Vertrag erst bei einer längeren Erlaubnis aus, die Erlaubnis hängt aber am höheren Einkommen.",
            proposedFix:
              "Bestätigung der Ausländerbehörde für Arbeitgeber, dass ein Verfahren läuft",
          },
        ],
        actions: [
          {
            title: "Bestätigung über das laufende Verfahren für den Arbeitgeber",
            responsible: "abh",
            dueInWeeks: 1,
            outcome: "done",
          },
          {
            title: "Test Leben in Deutschland anmelden",
            responsible: "kim",
            dueInWeeks: 4,
            outcome: "in_progress",
          },
          {
            title: "Aufstockung auf Vollzeit mit dem Arbeitgeber besprechen",
            responsible: "jc",
            dueInWeeks: 3,
            outcome: "open",
          },
        ],
        reviewInWeeks: 12,
      },
    ],
  },
];
