import { consentFor, type DemoHistoryCase } from "./demo-history.ts";

/** Cases taken up recently: no conference held yet, some with their first one planned. */
export const NEWCOMER_CASES: DemoHistoryCase[] = [
  {
    code: "RT-2026-0017",
    owner: "caritas",
    summary:
      "Frau Ende zwanzig, seit einem Jahr im Kreis, Deutsch auf A1. Möchte als Erzieherin arbeiten, wie im Herkunftsland.",
    themes: ["work", "language", "education"],
    bases: [consentFor("kim", "Berufliche Anerkennung"), consentFor("jc", "Arbeitsvermittlung")],
    plannedConference: { inDays: 6, hour: 10, invited: ["kim", "jc"] },
    meetings: [],
  },
  {
    code: "RT-2026-0018",
    owner: "jc",
    summary:
      "Mann Mitte dreißig, Berufskraftfahrer im Herkunftsland. Die Umschreibung der Fahrerlaubnis für Lastwagen ist aufwendig.",
    themes: ["work", "mobility"],
    bases: [consentFor("kim", "Arbeitsaufnahme")],
    meetings: [],
  },
  {
    code: "RT-2026-0020",
    owner: "abh",
    summary:
      "Junger Mann, 17 Jahre, unbegleitet eingereist, lebt in einer Jugendwohngruppe. Schulabschluss im nächsten Sommer.",
    themes: ["residence", "education"],
    bases: [consentFor("kim", "Aufenthalt und Schule"), consentFor("diakonie", "Begleitung")],
    plannedConference: { inDays: 13, hour: 14, invited: ["kim", "diakonie"] },
    meetings: [],
  },
  {
    code: "RT-2026-0022",
    owner: "kim",
    summary:
      "Familie mit einem Kind mit Förderbedarf, seit einem halben Jahr im Kreis. Die Eltern suchen einen Platz in einer passenden Schule.",
    themes: ["family", "education"],
    bases: [consentFor("ki", "Schulplatz"), consentFor("caritas", "Familienberatung")],
    plannedConference: { inDays: 20, hour: 9, invited: ["ki", "caritas"] },
    meetings: [],
  },
  {
    code: "RT-2026-0024",
    owner: "diakonie",
    summary:
      "Frau Mitte fünfzig, anerkannter Flüchtling, lebt allein. Hat Mietschulden und versteht die Schreiben des Vermieters nicht.",
    themes: ["housing", "finances", "dealing_with_authorities"],
    bases: [consentFor("jc", "Wohnung sichern")],
    meetings: [],
  },
  {
    code: "RT-2026-0026",
    owner: "ebh",
    summary:
      "Mann Mitte vierzig, seit neun Jahren im Kreis, unbefristet beschäftigt. Möchte eingebürgert werden; der Nachweis der Sprachkenntnisse fehlt.",
    themes: ["residence", "language"],
    bases: [consentFor("ki", "Sprachkurs"), consentFor("kim", "Einbürgerung begleiten")],
    plannedConference: { inDays: 27, hour: 11, invited: ["ki", "kim"] },
    meetings: [],
  },
  {
    code: "RT-2026-0027",
    owner: "kim",
    summary:
      "Junge Frau, 22 Jahre, hat in der Ausbildung zur Pflegefachfrau die Zwischenprüfung nicht bestanden. Der Betrieb möchte sie halten.",
    themes: ["training", "language"],
    bases: [consentFor("jc", "Ausbildung sichern")],
    meetings: [],
  },
  {
    code: "RT-2026-0028",
    owner: "ki",
    summary:
      "Familie mit drei Kindern in einem Dorf ohne Kita-Platz. Die Mutter hat eine Zusage für einen Integrationskurs am Vormittag.",
    themes: ["family", "mobility", "language"],
    bases: [consentFor("kim", "Koordination der Hilfen")],
    plannedConference: { inDays: 34, hour: 10, invited: ["kim"] },
    meetings: [],
  },
  {
    code: "RT-2026-0029",
    owner: "caritas",
    summary:
      "Mann Anfang zwanzig, geduldet, arbeitet in einem Paketzentrum. Die Beschäftigungserlaubnis läuft in zwei Monaten aus.",
    themes: ["residence", "work"],
    bases: [consentFor("abh", "Beschäftigung und Aufenthalt")],
    meetings: [],
  },
  {
    code: "RT-2026-0030",
    owner: "jc",
    summary:
      "Frau Mitte dreißig, Ärztin im Herkunftsland, arbeitet als Küchenhilfe. Die Anerkennung der Approbation steht am Anfang.",
    themes: ["work", "language"],
    bases: [consentFor("kim", "Berufliche Anerkennung")],
    meetings: [],
  },
];
