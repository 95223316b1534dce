import { consentFor, type DemoHistoryCase } from "./demo-history.ts";

/** Cases whose first conference was held last month; their Wiedervorlage is still ahead. */
export const LATEST_CASES: DemoHistoryCase[] = [
  {
    code: "RT-2026-0016",
    owner: "kim",
    summary:
      "Junger Mann, 19 Jahre, hat eine Ausbildung zum Tischler zugesagt bekommen. Wohnt bei Verwandten in einem Ortsteil ohne Busverbindung am Wochenende.",
    themes: ["training", "mobility", "residence"],
    bases: [
      consentFor("abh", "Aufenthalt während der Ausbildung"),
      consentFor("jc", "Ausbildung sichern"),
    ],
    meetings: [
      {
        monthsAgo: 1,
        day: 14,
        hour: 15,
        invited: ["abh", "jc"],
        notes: [
          "Das Case-Management stellt den Fall vor. Der Ausbildungsvertrag ist unterschrieben; der Betrieb arbeitet auch samstags.",
          "Die Ausländerbehörde erklärt, was für eine Ausbildungsduldung vorliegen muss und wie lange die Prüfung dauert.",
          "An Samstagen fährt kein Bus vom Ortsteil zum Betrieb.",
        ],
        goals: [
          "Der Auszubildende beginnt die Ausbildung pünktlich und mit gesichertem Aufenthalt.",
        ],
        decisions: [
          "Die Ausländerbehörde prüft die Ausbildungsduldung vorrangig vor Ausbildungsbeginn.",
        ],
        obstacles: [
          {
            theme: "mobility",
            description: "Samstags fährt kein Bus vom Ortsteil zum Ausbildungsbetrieb.",
            proposedFix: "Zuschuss zu einem Fahrrad mit Hilfsmotor für Auszubildende",
          },
          {
            theme: "training",
            description:
              "Ausbildungsbeginn und Entscheidung über die Duldung liegen so nah beieinander, dass Betriebe abspringen.",
            proposedFix: "Verbindliche Bearbeitungszeit für Ausbildungsduldungen",
          },
        ],
        actions: [
          {
            title: "Ausbildungsduldung vorrangig prüfen",
            responsible: "abh",
            dueInWeeks: 2,
            outcome: "done",
          },
          {
            title: "Berufsausbildungsbeihilfe beantragen",
            responsible: "jc",
            dueInWeeks: 3,
            outcome: "in_progress",
          },
          {
            title: "Fahrt an Samstagen mit dem Betrieb klären",
            responsible: "kim",
            dueInWeeks: 2,
            outcome: "open",
          },
        ],
        reviewInWeeks: 10,
      },
    ],
  },
  {
    code: "RT-2026-0019",
    owner: "ki",
    summary:
      "Älteres Ehepaar, beide über sechzig, seit zwei Jahren im Kreis. Arzttermine und Behördengänge in der Kreisstadt sind ohne Auto kaum zu schaffen.",
    themes: ["mobility", "health", "dealing_with_authorities"],
    bases: [consentFor("diakonie", "Begleitung im Alltag"), consentFor("kim", "Koordination")],
    meetings: [
      {
        monthsAgo: 1,
        day: 19,
        hour: 10,
        invited: ["diakonie", "kim"],
        notes: [
          "Das Integrationszentrum stellt das Ehepaar vor. Für jeden Termin in der Kreisstadt brauchen beide einen halben Tag; Ehrenamtliche fahren sie bisher.",
          "Die Flüchtlingsberatung weist darauf hin, dass der Fahrdienst der Ehrenamtlichen zum Jahresende endet.",
        ],
        goals: ["Das Ehepaar erreicht seine Termine in der Kreisstadt selbstständig."],
        decisions: ["Das Integrationszentrum klärt, ob ein Bürgerbus den Ortsteil anfahren kann."],
        obstacles: [
          {
            theme: "mobility",
            description:
              "Ohne Auto kostet jeder Termin in der Kreisstadt einen halben Tag; der ehrenamtliche Fahrdienst endet.",
            proposedFix: "Bürgerbus mit festen Fahrten zu Ärzten und Kreishaus",
          },
        ],
        actions: [
          {
            title: "Beim Bürgerbusverein eine Haltestelle im Ortsteil anfragen",
            responsible: "ki",
            dueInWeeks: 3,
            outcome: "in_progress",
          },
          {
            title: "Termine in der Kreisstadt auf einen Tag legen helfen",
            responsible: "diakonie",
            dueInWeeks: 2,
            outcome: "done",
          },
        ],
        reviewInWeeks: 8,
      },
    ],
  },
  {
    code: "RT-2026-0025",
    owner: "jc",
    summary:
      "Frau Anfang vierzig, Buchhalterin im Herkunftsland, wohnt in einem Dorf am Rand des Kreises. Hat eine Zusage für eine Bürostelle in der Nachbarstadt.",
    themes: ["work", "mobility"],
    bases: [consentFor("kim", "Arbeitsaufnahme"), consentFor("caritas", "Begleitung")],
    meetings: [
      {
        monthsAgo: 1,
        day: 24,
        hour: 9,
        invited: ["kim", "caritas"],
        notes: [
          "Das Jobcenter berichtet: Die Stelle beginnt um 7:30 Uhr. Mit dem Bus wäre die Klientin erst um 8:15 Uhr dort.",
          "Die Klientin hat einen Führerschein aus dem Herkunftsland, der hier nur noch wenige Wochen gilt.",
        ],
        goals: ["Die Klientin tritt die Bürostelle zum Monatsbeginn an."],
        decisions: [
          "Das Jobcenter übernimmt die Kosten der Umschreibung des Führerscheins; die Caritas begleitet die Anmeldung.",
        ],
        obstacles: [
          {
            theme: "mobility",
            description: "Der erste Bus kommt eine Dreiviertelstunde nach Arbeitsbeginn an.",
          },
          {
            theme: "work",
            description:
              "Der Arbeitgeber verlangt Nachweise über die Berufserfahrung, die nur im Herkunftsland zu bekommen sind.",
            proposedFix: "Kompetenzfeststellung im Betrieb statt Nachweisen aus dem Herkunftsland",
          },
        ],
        actions: [
          {
            title: "Kostenübernahme für die Umschreibung des Führerscheins",
            responsible: "jc",
            dueInWeeks: 1,
            outcome: "done",
          },
          {
            title: "Anmeldung bei der Führerscheinstelle begleiten",
            responsible: "caritas",
            dueInWeeks: 2,
            outcome: "open",
          },
          {
            title: "Mit dem Arbeitgeber über eine Kompetenzfeststellung sprechen",
            responsible: "kim",
            dueInWeeks: 3,
            outcome: "in_progress",
          },
        ],
        reviewInWeeks: 6,
      },
    ],
  },
];
