import type { Executor } from "../client.ts";
import { pathwayTemplates } from "../schema/index.ts";
import type { PathwayPrerequisiteContent } from "../schema/pathways.ts";

export interface ShippedPathwayTemplate {
  pathwayKey: string;
  norm: string;
  titleDe: string;
  titleEn: string;
  prerequisites: PathwayPrerequisiteContent[];
}

const CHECK_CURRENT_LAW = {
  hintDe: "Stichtage und Fristen wurden mehrfach geändert: die geltende Fassung prüfen.",
  hintEn: "Cut-off dates and periods have changed several times: check the current wording.",
};

/**
 * The pathways the platform ships, as version 1 of each template. They restate the
 * law's prerequisites in plain words so a case conference can see what is open; they
 * are a working aid, and the immigration office decides. Keys stay stable when a
 * coordinator rewords a prerequisite, so a recorded status keeps its meaning.
 */
export const SHIPPED_PATHWAY_TEMPLATES: readonly ShippedPathwayTemplate[] = [
  {
    pathwayKey: "aufenthg-104c",
    norm: "§ 104c AufenthG",
    titleDe: "Chancen-Aufenthaltsrecht",
    titleEn: "Opportunity residence permit",
    prerequisites: [
      {
        key: "aufenthalt-5-jahre",
        de: "Am 31.10.2022 schon 5 Jahre ohne Unterbrechung in Deutschland, mit Duldung, Gestattung oder Aufenthaltserlaubnis",
        en: "On 31 Oct 2022, 5 years without a break in Germany, tolerated, with permission to stay or a residence permit",
        ...CHECK_CURRENT_LAW,
        actionTitleDe: "Aufenthaltszeiten belegen",
      },
      {
        key: "bekenntnis-fdgo",
        de: "Bekennt sich zur freiheitlichen demokratischen Grundordnung",
        en: "Commits to the free democratic basic order",
        actionTitleDe: "Bekenntnis zur Grundordnung abgeben",
      },
      {
        key: "keine-straftat",
        de: "Keine Verurteilung wegen einer vorsätzlichen Straftat (kleine Geldstrafen zählen nicht)",
        en: "No conviction for an intentional offence (small fines do not count)",
        hintDe:
          "Grenzen: bis 50 Tagessätze, bei Straftaten nach Aufenthalts- oder Asylrecht bis 90.",
        hintEn:
          "Limits: up to 50 daily rates, up to 90 for offences under residence or asylum law.",
        actionTitleDe: "Auszug aus dem Bundeszentralregister anfordern",
      },
      {
        key: "keine-taeuschung",
        de: "Keine wiederholt falschen Angaben und keine Täuschung über Identität oder Staatsangehörigkeit, die eine Abschiebung verhindert haben",
        en: "No repeated false statements and no deception about identity or nationality that prevented a removal",
        actionTitleDe: "Angaben zur Identität prüfen",
      },
      {
        key: "identitaet-anschluss",
        de: "Identität wird geklärt: für den Anschluss-Titel nach § 25a oder § 25b nötig",
        en: "Identity is being established: needed for the follow-up permit under § 25a or § 25b",
        hintDe: "Für § 104c selbst nicht verlangt; das Chancen-Aufenthaltsrecht gilt 18 Monate.",
        hintEn: "Not required for § 104c itself; the permit lasts 18 months.",
        actionTitleDe: "Identitätsnachweis beschaffen",
      },
    ],
  },
  {
    pathwayKey: "aufenthg-25a",
    norm: "§ 25a AufenthG",
    titleDe: "Aufenthalt für gut integrierte junge Menschen",
    titleEn: "Residence for well-integrated young people",
    prerequisites: [
      {
        key: "aufenthalt-3-jahre",
        de: "Seit 3 Jahren ohne Unterbrechung in Deutschland, mit Duldung, Gestattung oder Aufenthaltserlaubnis",
        en: "In Germany for 3 years without a break, tolerated, with permission to stay or a residence permit",
        ...CHECK_CURRENT_LAW,
        actionTitleDe: "Aufenthaltszeiten belegen",
      },
      {
        key: "schule-oder-abschluss",
        de: "In der Regel 3 Jahre erfolgreich zur Schule gegangen oder einen Schul- oder Berufsabschluss erreicht",
        en: "As a rule 3 years of successful schooling, or a school or vocational qualification",
        actionTitleDe: "Zeugnisse vorlegen",
      },
      {
        key: "antrag-vor-27",
        de: "Antrag vor dem 27. Geburtstag",
        en: "Application before the 27th birthday",
        actionTitleDe: "Antrag rechtzeitig stellen",
      },
      {
        key: "integrationsprognose",
        de: "Nach Ausbildung und Lebenslage ist zu erwarten, dass sie sich gut einfügt",
        en: "Education and circumstances suggest the person will settle in well",
        actionTitleDe: "Stellungnahme zur Integration einholen",
      },
      {
        key: "bekenntnis-fdgo",
        de: "Nichts spricht gegen ein Bekenntnis zur freiheitlichen demokratischen Grundordnung",
        en: "Nothing indicates a lack of commitment to the free democratic basic order",
        actionTitleDe: "Bekenntnis zur Grundordnung abgeben",
      },
      {
        key: "identitaet",
        de: "Identität geklärt, Pass oder Passersatz vorhanden",
        en: "Identity established, passport or substitute available",
        actionTitleDe: "Identitätsnachweis beschaffen",
      },
    ],
  },
  {
    pathwayKey: "aufenthg-25b",
    norm: "§ 25b AufenthG",
    titleDe: "Aufenthalt bei nachhaltiger Integration",
    titleEn: "Residence for lasting integration",
    prerequisites: [
      {
        key: "aufenthalt-6-jahre",
        de: "Seit 6 Jahren ohne Unterbrechung in Deutschland (mit minderjährigem Kind im Haushalt: 4 Jahre)",
        en: "In Germany for 6 years without a break (4 years with a minor child in the household)",
        ...CHECK_CURRENT_LAW,
        actionTitleDe: "Aufenthaltszeiten belegen",
      },
      {
        key: "bekenntnis-und-grundkenntnisse",
        de: "Bekennt sich zur freiheitlichen demokratischen Grundordnung und kennt die Grundlagen des Zusammenlebens in Deutschland",
        en: "Commits to the free democratic basic order and knows the basics of life in Germany",
        actionTitleDe: "Test „Leben in Deutschland“ ablegen",
      },
      {
        key: "lebensunterhalt",
        de: "Lebensunterhalt überwiegend durch Arbeit gesichert, oder das ist bald zu erwarten",
        en: "Living costs mostly covered by work, or this is expected soon",
        actionTitleDe: "Arbeitsvertrag oder Lohnnachweise vorlegen",
      },
      {
        key: "deutsch-a2",
        de: "Kann sich auf Deutsch mündlich verständigen (Niveau A2)",
        en: "Can talk in German (level A2)",
        actionTitleDe: "A2-Zertifikat nachweisen",
      },
      {
        key: "schulbesuch-kinder",
        de: "Schulpflichtige Kinder gehen tatsächlich zur Schule",
        en: "Children of school age actually attend school",
        actionTitleDe: "Schulbescheinigungen vorlegen",
      },
      {
        key: "keine-taeuschung-straftat",
        de: "Keine Täuschung über die Identität, keine schweren Straftaten",
        en: "No deception about identity, no serious offences",
        actionTitleDe: "Angaben zur Identität prüfen",
      },
    ],
  },
  {
    pathwayKey: "aufenthg-60c",
    norm: "§ 60c AufenthG",
    titleDe: "Ausbildungsduldung",
    titleEn: "Toleration for vocational training",
    prerequisites: [
      {
        key: "ausbildung",
        de: "Anerkannte Berufsausbildung begonnen oder vertraglich sicher (oder Helferausbildung mit Zusage für die Fachausbildung)",
        en: "Recognised vocational training started or contracted (or assistant training with a place for the full training)",
        actionTitleDe: "Ausbildungsvertrag vorlegen",
      },
      {
        key: "identitaet",
        de: "Identität rechtzeitig geklärt oder alles Zumutbare dafür getan",
        en: "Identity established in time, or everything reasonable done for it",
        ...CHECK_CURRENT_LAW,
        actionTitleDe: "Identitätsnachweis beschaffen",
      },
      {
        key: "duldung",
        de: "Hat eine Duldung (Vorduldungszeit prüfen)",
        en: "Holds a toleration (check the required prior period)",
        ...CHECK_CURRENT_LAW,
        actionTitleDe: "Duldungszeiten belegen",
      },
      {
        key: "keine-straftat",
        de: "Keine Verurteilung wegen einer vorsätzlichen Straftat (kleine Geldstrafen zählen nicht)",
        en: "No conviction for an intentional offence (small fines do not count)",
        actionTitleDe: "Auszug aus dem Bundeszentralregister anfordern",
      },
      {
        key: "kein-ausschluss",
        de: "Kein Arbeitsverbot und keine schon eingeleitete Abschiebung",
        en: "No ban on work and no removal already under way",
        actionTitleDe: "Ausschlussgründe klären",
      },
    ],
  },
  {
    pathwayKey: "aufenthg-60d",
    norm: "§ 60d AufenthG",
    titleDe: "Beschäftigungsduldung",
    titleEn: "Toleration for employment",
    prerequisites: [
      {
        key: "einreise-und-duldung",
        de: "Vor dem Stichtag eingereist und seit 12 Monaten geduldet",
        en: "Entered before the cut-off date and tolerated for 12 months",
        ...CHECK_CURRENT_LAW,
        actionTitleDe: "Einreise und Duldungszeiten belegen",
      },
      {
        key: "identitaet",
        de: "Identität rechtzeitig geklärt oder alles Zumutbare dafür getan",
        en: "Identity established in time, or everything reasonable done for it",
        actionTitleDe: "Identitätsnachweis beschaffen",
      },
      {
        key: "beschaeftigung",
        de: "Seit 12 Monaten sozialversicherungspflichtig beschäftigt, mindestens 20 Stunden pro Woche",
        en: "In employment with social insurance for 12 months, at least 20 hours a week",
        ...CHECK_CURRENT_LAW,
        actionTitleDe: "Arbeitsvertrag und Lohnnachweise vorlegen",
      },
      {
        key: "lebensunterhalt",
        de: "Lebensunterhalt durch die Arbeit gesichert",
        en: "Living costs covered by the work",
        actionTitleDe: "Lohnnachweise vorlegen",
      },
      {
        key: "deutsch-a2",
        de: "Kann sich auf Deutsch mündlich verständigen (Niveau A2)",
        en: "Can talk in German (level A2)",
        actionTitleDe: "A2-Zertifikat nachweisen",
      },
      {
        key: "keine-straftat",
        de: "Keine Verurteilung wegen einer vorsätzlichen Straftat, keine Verbindung zu extremistischen Gruppen",
        en: "No conviction for an intentional offence, no links to extremist groups",
        actionTitleDe: "Auszug aus dem Bundeszentralregister anfordern",
      },
    ],
  },
  {
    pathwayKey: "stag-10",
    norm: "§ 10 StAG",
    titleDe: "Einbürgerung",
    titleEn: "Naturalisation",
    prerequisites: [
      {
        key: "aufenthalt-5-jahre",
        de: "Seit 5 Jahren rechtmäßig und gewöhnlich in Deutschland",
        en: "Lawfully and habitually resident in Germany for 5 years",
        ...CHECK_CURRENT_LAW,
        actionTitleDe: "Aufenthaltszeiten belegen",
      },
      {
        key: "aufenthaltsrecht",
        de: "Hat ein unbefristetes Aufenthaltsrecht oder einen passenden Aufenthaltstitel",
        en: "Holds a permanent right of residence or a suitable residence permit",
        actionTitleDe: "Aufenthaltstitel prüfen",
      },
      {
        key: "lebensunterhalt",
        de: "Lebensunterhalt ohne Bürgergeld oder Sozialhilfe gesichert (Ausnahmen möglich)",
        en: "Living costs covered without citizen's income or social assistance (exceptions possible)",
        actionTitleDe: "Einkommensnachweise vorlegen",
      },
      {
        key: "deutsch-b1",
        de: "Deutschkenntnisse auf Niveau B1",
        en: "German at level B1",
        actionTitleDe: "B1-Zertifikat nachweisen",
      },
      {
        key: "einbuergerungstest",
        de: "Kennt die Rechts- und Gesellschaftsordnung (in der Regel Einbürgerungstest)",
        en: "Knows the legal and social order (as a rule the naturalisation test)",
        actionTitleDe: "Einbürgerungstest ablegen",
      },
      {
        key: "bekenntnis-und-straffreiheit",
        de: "Bekenntnis zur freiheitlichen demokratischen Grundordnung, Identität geklärt, keine Verurteilung über den Bagatellgrenzen",
        en: "Commitment to the free democratic basic order, identity established, no conviction above the minor limits",
        actionTitleDe: "Bekenntnis und Führungszeugnis vorbereiten",
      },
    ],
  },
];

/**
 * Writes version 1 of every shipped template that is not there yet. Safe to run on every
 * start and on several nodes at once; a version a coordinator added is never touched.
 */
export async function ensureShippedPathwayTemplates(db: Executor): Promise<void> {
  await db
    .insert(pathwayTemplates)
    .values(SHIPPED_PATHWAY_TEMPLATES.map((template) => ({ ...template, version: 1 })))
    .onConflictDoNothing({ target: [pathwayTemplates.pathwayKey, pathwayTemplates.version] });
}
